import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * One msw server for every test file: LINE (and any other outside host) is faked per test with
 * `lineApi.use(...)`, and a request nobody expected fails the test.
 */
export const lineApi = setupServer();

beforeAll(() => lineApi.listen({ onUnhandledFrame: 'error' }));
afterEach(() => lineApi.resetHandlers());
afterAll(() => lineApi.close());
