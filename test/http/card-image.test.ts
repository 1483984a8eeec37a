import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';

/** The card image route is part of the app (docs/library-card.md); tokens: test/conversation/library-card.test.ts. */
describe('GET /card/<token>.png on the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  }, 60_000);
  afterAll(() => t?.close());

  it('an unknown token is 404 with no body, never stored by a cache', async () => {
    const res = await t.app.request(`/card/${'a'.repeat(43)}.png`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
    expect(res.headers.get('cache-control')).toBe('no-store, private');
  });
});
