import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveToWishList } from '../../src/services/wish-list.js';
import { testApp, type TestApp } from '../helpers/app.js';

/**
 * Issue 26 through the staff API: the counter's checkouts and the expiry job are where hold slots
 * free and volumes are borrowed, so that is where the offers are written; deliver-notices pushes
 * them as LINE cards, once.
 */
const at = (tokyo: string): Date => new Date(`${tokyo.replace(' ', 'T')}:00+09:00`);
const LINE_USER = `U${'fedcba9876543210'.repeat(2)}`;

let t: TestApp;
let card: string;
let patronId: string;
const books: Record<string, { bibId: string; barcode: string }> = {};

beforeAll(async () => {
  t = await testApp({ now: at('2026-12-02 10:00') });
  card = 'OFFER1';
  expect(
    (
      await t.call('POST', '/admin/patrons', {
        cardNumber: card,
        name: '利用者 提案',
        birthDate: '1980-05-05',
        residency: 'resident',
      })
    ).status,
  ).toBe(201);
  expect((await t.call('POST', `/admin/patrons/${card}/initial-password`)).status).toBe(201);
  patronId = (await t.db.selectFrom('patrons').select('id').where('card_number', '=', card).executeTakeFirstOrThrow())
    .id;
  await t.db
    .insertInto('line_users')
    .values({ line_user_id: LINE_USER, patron_id: patronId, linked_at: t.now })
    .execute();
  const titles = ['提案の本', '窓口で借りる本', '期限切れになる本', '提案シリーズ 上', '提案シリーズ 下'];
  const r = await t.call('POST', '/admin/catalog', {
    records: titles.map((title, i) => ({
      title,
      author: '作者 太郎',
      materialType: 'book',
      items: [{ barcode: `OF${i}`, branch: 'honkan', callNumber: '913.6 テ' }],
    })),
  });
  expect(r.status).toBe(201);
  titles.forEach((title, i) => {
    books[title] = { bibId: String(r.body.bibIds[i]), barcode: `OF${i}` };
  });
  expect((await saveToWishList(t.db, { patronId, bibId: books['提案の本']!.bibId }, t.now)).ok).toBe(true);
});
afterAll(async () => t?.close());

const offers = () =>
  t.db
    .selectFrom('notices')
    .select(['kind', 'payload', 'dedupe_key'])
    .where('patron_id', '=', patronId)
    .where('kind', 'in', ['wish_offer', 'series_offer'])
    .orderBy('id')
    .execute();

describe('offers written by staff work (issue 26)', () => {
  it('R-WISH-3: collecting a hold at the counter (POST /admin/checkouts) offers the top wish-list title', async () => {
    const hold = await t.call('POST', '/admin/holds', {
      cardNumber: card,
      bibId: books['窓口で借りる本']!.bibId,
      pickupBranch: 'honkan',
      channel: 'counter',
    });
    expect(hold.status).toBe(201);
    const out = await t.call('POST', '/admin/checkouts', {
      cardNumber: card,
      itemBarcode: books['窓口で借りる本']!.barcode,
    });
    expect(out.status).toBe(201);
    const rows = await offers();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'wish_offer', payload: { title: '提案の本', onShelfAt: 'honkan' } });
    // R-WISH-2: on the shelf of the branch the patron last chose (本館): the card says so.
    // The same checkout sent again is refused (on loan already) and offers nothing more.
    const again = await t.call('POST', '/admin/checkouts', {
      cardNumber: card,
      itemBarcode: books['窓口で借りる本']!.barcode,
    });
    expect(again.status).toBe(409);
    expect(await offers()).toHaveLength(1);
  });

  it('R-SER-1: borrowing 上 at the counter offers 下', async () => {
    const out = await t.call('POST', '/admin/checkouts', {
      cardNumber: card,
      itemBarcode: books['提案シリーズ 上']!.barcode,
    });
    expect(out.status).toBe(201);
    const rows = await offers();
    expect(rows.map((r) => r.kind)).toEqual(['wish_offer', 'series_offer']);
    expect(rows[1]!.payload).toMatchObject({ title: '提案シリーズ 下', previousTitle: '提案シリーズ 上' });
  });

  it('R-WISH-3: an expired hold (POST /admin/jobs/expire-holds) offers once, however often the job runs', async () => {
    const hold = await t.call('POST', '/admin/holds', {
      cardNumber: card,
      bibId: books['期限切れになる本']!.bibId,
      pickupBranch: 'honkan',
      channel: 'phone',
    });
    expect(hold.body.status).toBe('ready'); // its copy was on the shelf: kept at once
    for (let i = 0; i < 2; i++)
      expect((await t.call('POST', '/admin/jobs/expire-holds', { now: '2027-01-20T09:00:00+09:00' })).status).toBe(200);
    const rows = (await offers()).filter((r) => r.kind === 'wish_offer');
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(2);
  });

  it('deliver-notices pushes each offer as a card whose button is 予約申込, once', async () => {
    for (let i = 0; i < 2; i++)
      expect((await t.call('POST', '/admin/jobs/deliver-notices', { now: '2027-01-20T10:00:00+09:00' })).status).toBe(
        200,
      );
    const pushed = JSON.stringify(t.messenger.pushes);
    expect(t.messenger.pushes.every((p) => p.to === LINE_USER)).toBe(true);
    expect(pushed).toContain('予約の枠が');
    expect(pushed).toContain('続きの巻が');
    expect(pushed).toContain('いま本館の棚にあります');
    expect(pushed).toContain(`reserve|start|${books['提案の本']!.bibId}`);
    expect(pushed).toContain(`reserve|start|${books['提案シリーズ 下']!.bibId}`);
    const sent = await t.db
      .selectFrom('notices')
      .select('status')
      .where('patron_id', '=', patronId)
      .where('kind', 'in', ['wish_offer', 'series_offer'])
      .execute();
    expect(sent.map((s) => s.status)).toEqual(['sent', 'sent', 'sent']);
  });
});

describe('GET /admin/patrons/:cardNumber/wish-list (issue 26)', () => {
  it("R-WISH-2: the patron's list with availability and whether it may be reserved, for the counter", async () => {
    const r = await t.call('GET', `/admin/patrons/${card}/wish-list`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ count: 1, cap: 100 });
    expect(r.body.titles).toEqual([
      {
        bibId: books['提案の本']!.bibId,
        title: '提案の本',
        availability: 'onShelf',
        onShelfAt: ['honkan'],
        holds: 0,
        atUsualBranch: true,
        reservable: true,
        refusal: null,
      },
    ]);
  });

  it('the token is required, and an unknown card is 404', async () => {
    expect((await t.call('GET', `/admin/patrons/${card}/wish-list`, undefined, { token: null })).status).toBe(401);
    expect((await t.call('GET', '/admin/patrons/NOSUCH1/wish-list')).status).toBe(404);
    expect((await t.call('GET', '/admin/patrons/bad%20card/wish-list')).status).toBe(404);
  });
});
