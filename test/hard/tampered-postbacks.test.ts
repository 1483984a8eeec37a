import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/reply.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';

// A logged-in patron's real buttons, then the same postback data altered the way a client that
// forges requests would: other ids, cut, lengthened, injected. Every tap must get an answer and
// change nothing stored (the flows only act on state the server itself kept).
let h: ChatHarness;
const taro = () => h.user(20);
const buttons: string[] = [];

/** Every postback `data` in the replies (buttons, quick replies, carousels). */
function postbackData(replies: readonly Reply[]): string[] {
  const found: string[] = [];
  JSON.stringify(replies, (k, v: unknown) => {
    if (k === 'data' && typeof v === 'string' && v.includes('|')) found.push(v);
    return v;
  });
  return found;
}

/** What a tampered tap must not change: holds, loans and their renewals, for every patron. */
async function circulation(): Promise<string> {
  const { rows } = await sql<{ h: string; l: string }>`
    SELECT (SELECT string_agg(id || ':' || patron_id || ':' || status, ',' ORDER BY id) FROM holds) AS h,
           (SELECT string_agg(id || ':' || patron_id || ':' || renewals || ':' || due_date, ',' ORDER BY id)
              FROM loans) AS l`.execute(h.db);
  return JSON.stringify(rows[0]);
}

beforeAll(async () => {
  h = await chatHarness();
  await h.login(taro(), '2000000001', 'k7Tm2qX9');
  const found = await h.say(taro(), '吾輩は猫である');
  buttons.push(...postbackData(found));
  const branches = await h.tap(taro(), buttonData(found, '予約申込')!);
  buttons.push(...postbackData(branches));
  const contact = await h.tap(taro(), buttonData(branches, '東部分館')!);
  buttons.push(...postbackData(contact));
  const confirm = await h.tap(taro(), buttonData(contact, 'LINE')!);
  buttons.push(...postbackData(confirm));
  buttons.push(...postbackData(await h.say(taro(), 'ご利用状況')));
}, 60_000);
afterAll(() => h.close());

const tamper = (data: string) =>
  fc.oneof(
    // One argument replaced: another id, a negative or huge number, text, an injected separator.
    fc
      .tuple(
        fc.nat(),
        fc.oneof(
          fc.nat({ max: 400 }).map(String),
          fc.constantFrom('-1', '0', '99999999999999999999', 'NaN', "1' OR '1'='1", '1|2', ''),
          fc.string({ maxLength: 40 }),
        ),
      )
      .map(([i, v]) => {
        const parts = data.split('|');
        parts[2 + (i % Math.max(1, parts.length - 2))] = v;
        return parts.join('|');
      }),
    fc.nat({ max: data.length }).map((n) => data.slice(0, n)),
    fc.string({ maxLength: 300 }).map((s) => `${data}|${s}`),
    fc.string({ maxLength: 300 }),
  );

describe('tampered postback data', () => {
  it('is answered politely and changes nothing stored', async () => {
    expect(buttons.length).toBeGreaterThan(5);
    // The confirm step's 送信 is left out: tapped untampered it would rightly place the hold.
    const send = buttons.filter((b) => /^reserve\|(send|do)/.test(b));
    const before = await circulation();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...buttons).chain(tamper), async (data) => {
        fc.pre(!send.includes(data) && !buttons.includes(data));
        const replies = await h.tap(taro(), data);
        expect(replies.length, data).toBeGreaterThan(0);
        expect(wordsOf(replies)).not.toMatch(/Error|SELECT|undefined|NaN/);
        expect(await circulation(), data).toBe(before);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
