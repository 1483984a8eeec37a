import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, testApp, type TestApp } from '../helpers/app.js';

// Issue 26 at the counter: staff change a patron's pickup branch, suspend a hold (and give it a
// 不要日), resume it; refusals are 422 with the rule's code and a sentence, as elsewhere.
const at = (tokyo: string): Date => new Date(`${tokyo.replace(' ', 'T')}:00+09:00`);
const T0 = at('2026-12-01 10:00');

let t: TestApp;
let card = '';
let holdId = '';
let readyHoldId = '';
beforeAll(async () => {
  t = await testApp({ now: T0 });
  const newPatron = async (cardNumber: string) =>
    expect(
      (
        await t.call('POST', '/admin/patrons', {
          cardNumber,
          name: `利用者 ${cardNumber}`,
          birthDate: '1980-05-05',
          residency: 'resident',
        })
      ).status,
    ).toBe(201);
  card = 'SH1';
  await newPatron(card);
  await newPatron('SH2');
  const cat = await t.call('POST', '/admin/catalog', {
    records: [
      { title: '待つ本', materialType: 'book', items: [{ barcode: 'SHB1', branch: 'honkan', callNumber: '913 マ' }] },
      { title: '棚の本', materialType: 'book', items: [{ barcode: 'SHB2', branch: 'honkan', callNumber: '913 タ' }] },
    ],
  });
  const [waiting, onShelf] = cat.body.bibIds.map(String);
  expect((await t.call('POST', '/admin/checkouts', { cardNumber: 'SH2', itemBarcode: 'SHB1' })).status).toBe(201);
  const h1 = await t.call('POST', '/admin/holds', {
    cardNumber: card,
    bibId: waiting,
    pickupBranch: 'honkan',
    channel: 'counter',
  });
  holdId = String(h1.body.holdId);
  const h2 = await t.call('POST', '/admin/holds', {
    cardNumber: card,
    bibId: onShelf,
    pickupBranch: 'honkan',
    channel: 'phone',
  });
  expect(h2.body.status).toBe('ready');
  readyHoldId = String(h2.body.holdId);
});
afterAll(async () => t?.close());

describe('staff API: hold changes at the counter', () => {
  it('R-RES-10: POST /admin/holds/:id/pickup-branch moves a waiting hold (200) and keeps its place', async () => {
    const r = await t.call('POST', `/admin/holds/${holdId}/pickup-branch`, { pickupBranch: 'tobu' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ holdId, pickupBranch: 'tobu', suspendedUntil: null, notNeededAfter: null });
    const view = await t.call('GET', `/admin/patrons/${card}`);
    expect(view.body.holds.find((h: { holdId: string }) => String(h.holdId) === holdId)).toMatchObject({
      pickupBranch: 'tobu',
      position: 1,
    });
  });
  it('R-RES-10: a ready hold is 422 HOLD_PICKUP_NOT_CHANGEABLE; unknown branch 400; unknown hold 404', async () => {
    const r = await t.call('POST', `/admin/holds/${readyHoldId}/pickup-branch`, { pickupBranch: 'tobu' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('HOLD_PICKUP_NOT_CHANGEABLE');
    expect(r.body.error.message).toContain('本館');
    expect((await t.call('POST', `/admin/holds/${holdId}/pickup-branch`, { pickupBranch: 'nowhere' })).status).toBe(
      400,
    );
    expect((await t.call('POST', '/admin/holds/999999/pickup-branch', { pickupBranch: 'tobu' })).status).toBe(404);
    expect((await t.call('POST', '/admin/holds/x1/pickup-branch', { pickupBranch: 'tobu' })).status).toBe(404);
  });
  it('R-RES-11: suspension until a date, then resume; resuming twice is 422 HOLD_NOT_SUSPENDED', async () => {
    const s = await t.call('POST', `/admin/holds/${holdId}/suspension`, { until: '2026-12-10' });
    expect(s.status).toBe(200);
    expect(s.body.suspendedUntil).toBe('2026-12-10');
    const r = await t.call('POST', `/admin/holds/${holdId}/resume`, {});
    expect(r.status).toBe(200);
    expect(r.body.suspendedUntil).toBeNull();
    const again = await t.call('POST', `/admin/holds/${holdId}/resume`, {});
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('HOLD_NOT_SUSPENDED');
  });
  it('R-RES-11/12: a date out of range is 422 with the range; a ready hold cannot be suspended', async () => {
    const past = await t.call('POST', `/admin/holds/${holdId}/suspension`, { until: '2026-11-30' });
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('HOLD_PAUSE_DATE_OUT_OF_RANGE');
    const ready = await t.call('POST', `/admin/holds/${readyHoldId}/suspension`, { until: '2026-12-10' });
    expect(ready.body.error.code).toBe('HOLD_NOT_PAUSABLE_TRAPPED');
    const n = await t.call('POST', `/admin/holds/${holdId}/not-needed-after`, { date: '2027-01-31' });
    expect(n.status).toBe(200);
    expect(n.body.notNeededAfter).toBe('2027-01-31');
    expect((await t.call('POST', `/admin/holds/${holdId}/suspension`, { until: 'soon' })).status).toBe(400);
  });
  it('without the bearer token: 401 and nothing done', async () => {
    const r = await t.call('POST', `/admin/holds/${holdId}/suspension`, { until: '2026-12-10' }, { token: null });
    expect(r.status).toBe(401);
    expect(ADMIN_TOKEN).toBeTruthy();
  });
});
