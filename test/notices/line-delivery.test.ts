import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { insertNotice } from '../../src/db/notices.js';
import { limitViolations } from '../../src/line/limits.js';
import type { Messenger } from '../../src/conversation/ports.js';
import { testLog } from '../helpers/test-log.js';
import { cancelHold } from '../../src/services/holds.js';
import { deliverLineNotices } from '../../src/notices/line-delivery.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { fakeLine, LINE_API, testMessenger, type FakeLine } from '../helpers/line.js';
import { counterHold, linkLine, noticeRows, pushRows, setFollowing, wordsIn } from '../helpers/notices.js';
import { lineApi } from '../setup/msw.js';
import { STAFF } from '../helpers/actors.js';
import { here } from '../helpers/profiles.js';

/** The profile's first pickup point (本館 under Kamagaya). */
const HONKAN = here.pickup(0).code;

/**
 * LINE delivery of the outbox against msw standing in for api.line.me: retries with one retry key,
 * 409 as delivered, backoff, a crash after LINE took a push, quiet hours, digests, dropped notices.
 */
let database: Database;
let line: FakeLine;
let serial = 0;
const MIN = 60_000;
const later = (d: Date, ms: number) => new Date(d.getTime() + ms);
const deliver = (now: Date, messenger: Messenger = testMessenger()) =>
  deliverLineNotices(database.db, messenger, testLog, now);

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database?.close());
beforeEach(() => {
  line = fakeLine(lineApi);
});
afterEach(() => {
  expect(line.unexpected).toEqual([]);
});

/** A patron linked to LINE, and a title whose copy is on the shelf at 本館: a hold on it is ready at once. */
async function readyHold(now: Date, opts: { contact?: 'line' | 'email' | 'none'; following?: boolean } = {}) {
  const n = ++serial;
  const db = database.db;
  const [bibId] = await addTitles(db, [BOOK(`配達テスト${n}`, [[`D${n}`, HONKAN]])]);
  const patronId = await addPatron(db, `N${n}`, { email: `n${n}@example.jp` });
  const user = await linkLine(db, patronId, { following: opts.following ?? true });
  const holdId = await counterHold(db, `N${n}`, bibId!, now, { contact: opts.contact ?? 'line' });
  return { title: `配達テスト${n}`, patronId, user, holdId, card: `N${n}` };
}

describe('LINE pushes of notices', () => {
  it('500, 500, 200: one delivery, every attempt with the one retry key stored on the notice', async () => {
    const t0 = at('2026-12-01 10:00');
    const h = await readyHold(t0);
    line.answerPush(500, 500);
    expect(await deliver(t0)).toBe(0);
    expect(await deliver(later(t0, 30_000))).toBe(0); // the retry is not due yet
    expect(await deliver(later(t0, 1 * MIN))).toBe(0);
    expect(await deliver(later(t0, 3 * MIN))).toBe(1);
    const [notice] = await noticeRows(database.db, { patronId: h.patronId });
    expect(notice).toMatchObject({ kind: 'hold_ready', status: 'sent', attempts: 3 });
    const pushes = line.pushes();
    expect(pushes.map((p) => p.status)).toEqual([500, 500, 200]);
    expect(new Set(pushes.map((p) => p.retryKey))).toEqual(new Set([notice!.retryKey]));
    expect(pushes[2]!.to).toBe(h.user);
    expect(wordsIn(pushes[2]!.messages)).toContain(h.title);
    expect(await deliver(later(t0, 10 * MIN))).toBe(0);
    expect(line.pushes()).toHaveLength(3);
  });

  it('409: LINE already took this retry key, so the notice counts as delivered', async () => {
    const t0 = at('2026-12-01 11:00');
    const h = await readyHold(t0);
    line.answerPush(409);
    expect(await deliver(t0)).toBe(1);
    expect((await noticeRows(database.db, { patronId: h.patronId }))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect(line.pushes()).toHaveLength(1);
  });

  it("429: backs off, honouring LINE's Retry-After", async () => {
    const t0 = at('2026-12-01 12:00');
    const h = await readyHold(t0);
    let answered = 0;
    lineApi.use(
      http.post(`${LINE_API}/v2/bot/message/push`, () => {
        answered++;
        return answered === 1
          ? HttpResponse.json({ message: 'rate limit' }, { status: 429, headers: { 'Retry-After': '300' } })
          : undefined;
      }),
    );
    expect(await deliver(t0)).toBe(0);
    const [push] = (await pushRows(database.db)).filter((p) => p.patronId === h.patronId);
    expect(push).toMatchObject({ status: 'pending', attempts: 1, dueAt: later(t0, 5 * MIN) });
    expect(push!.lastError).toContain('429');
    expect(await deliver(later(t0, 4 * MIN))).toBe(0);
    expect(answered).toBe(1);
    expect(await deliver(later(t0, 5 * MIN))).toBe(1);
    expect(line.pushes()).toHaveLength(1); // the second attempt reached the fake's recorder
  });

  it('a crash after LINE took the push: the retry gets 409 and the patron has one message', async () => {
    const t0 = at('2026-12-01 13:00');
    const h = await readyHold(t0);
    line.answerPush(200, 409);
    // LINE gets the push, then the process dies before it can record it: push() never returns.
    const dying: Messenger = {
      ...testMessenger(),
      reply: async () => {},
      push: async (to, messages, retryKey) => {
        await testMessenger().push(to, messages, retryKey);
        await new Promise(() => {});
      },
    };
    void deliver(t0, dying);
    await until(() => line.pushes().length === 1);
    expect((await noticeRows(database.db, { patronId: h.patronId }))[0]!.status).toBe('pending');

    // The next run (another instance, or this one restarted) finds the push due when its lease ends.
    expect(await deliver(later(t0, 1 * MIN))).toBe(0);
    expect(await deliver(later(t0, 3 * MIN))).toBe(1);
    const pushes = line.pushes();
    expect(pushes.map((p) => p.status)).toEqual([200, 409]);
    expect(pushes[0]!.retryKey).toBe(pushes[1]!.retryKey);
    expect((await noticeRows(database.db, { patronId: h.patronId }))[0]).toMatchObject({ status: 'sent' });
  });

  it('a push LINE refuses outright (400) is given up at once, with the reason', async () => {
    const t0 = at('2026-12-01 14:00');
    const h = await readyHold(t0);
    line.answerPush(400);
    expect(await deliver(t0)).toBe(0);
    const [n] = await noticeRows(database.db, { patronId: h.patronId });
    expect(n).toMatchObject({ status: 'failed' });
    expect(n!.lastError).toContain('LINE refused the push: 400');
  });

  it('5xx for a whole day: given up after 24 hours, and the notice says why', async () => {
    const t0 = at('2026-12-01 15:00');
    const h = await readyHold(t0);
    line.answerPush(503, 503, 503);
    expect(await deliver(t0)).toBe(0);
    expect(await deliver(later(t0, 23 * 60 * MIN))).toBe(0);
    expect((await noticeRows(database.db, { patronId: h.patronId }))[0]!.status).toBe('pending');
    expect(await deliver(later(t0, 24 * 60 * MIN))).toBe(0);
    const [n] = await noticeRows(database.db, { patronId: h.patronId });
    expect(n).toMatchObject({ status: 'failed', attempts: 3 });
    expect(n!.lastError).toMatch(/^gave up after 24 hours of retries; last: 503/);
  });
});

describe('when a push may go, and what goes', () => {
  it('quiet hours: a hold ready at 22:00 is pushed at 08:00 the next morning, not before', async () => {
    const t0 = at('2026-12-02 22:00');
    const h = await readyHold(t0);
    expect(await deliver(t0)).toBe(0);
    expect(await deliver(at('2026-12-03 07:59'))).toBe(0);
    expect(line.pushes()).toEqual([]);
    expect(await deliver(at('2026-12-03 08:00'))).toBe(1);
    expect(line.pushes().map((p) => p.to)).toEqual([h.user]);
  });

  it('a digest: what came due overnight for one patron goes as one push (five messages at most)', async () => {
    const night = at('2026-12-04 23:00');
    const n = ++serial;
    const db = database.db;
    const bibs = await addTitles(
      db,
      Array.from({ length: 7 }, (_, i) => BOOK(`まとめ${n}-${i + 1}`, [[`G${n}x${i}`, HONKAN]])),
    );
    const patronId = await addPatron(db, `G${n}`);
    const user = await linkLine(db, patronId);
    for (const bibId of bibs.slice(0, 5)) await counterHold(db, `G${n}`, bibId, night);
    const other = await readyHold(night);
    expect(await deliver(night)).toBe(0);

    expect(await deliver(at('2026-12-05 08:00'))).toBe(6);
    // Pushes go out several at a time, so in no fixed order.
    const pushes = line.pushes();
    expect(pushes.map((p) => [p.to, p.messages.length]).sort()).toEqual(
      [
        [user, 5],
        [other.user, 1],
      ].sort(),
    );
    const digest = pushes.find((p) => p.to === user)!;
    for (let i = 1; i <= 5; i++) expect(wordsIn(digest.messages)).toContain(`まとめ${n}-${i}`);
    for (const p of pushes) expect(limitViolations(p.messages)).toEqual([]);
    // One push is one retry key, shared by the notices it carries.
    const rows = await noticeRows(db, { patronId });
    expect(new Set(rows.map((r) => r.pushId)).size).toBe(1);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('the digest carries five at most: seven notices due at once are two pushes', async () => {
    const n = ++serial;
    const db = database.db;
    const bibs = await addTitles(
      db,
      Array.from({ length: 5 }, (_, i) => BOOK(`七つ${n}-${i + 1}`, [[`S${n}x${i}`, HONKAN]])),
    );
    const patronId = await addPatron(db, `S${n}`);
    await linkLine(db, patronId);
    // Written while pushes wait (quiet hours), so all seven are due together in the morning.
    const evening = at('2026-12-05 21:30');
    for (const bibId of bibs) await counterHold(db, `S${n}`, bibId, evening);
    for (const i of [6, 7]) {
      await insertNotice(db, {
        patronId,
        kind: 'hold_expired',
        channel: 'line',
        payload: { title: `七つ${n}-${i}`, pickupBranch: HONKAN },
        dedupeKey: `test-expired:${n}:${i}`,
        dueAt: evening,
      });
    }
    expect(await deliver(at('2026-12-06 08:00'))).toBe(7);
    expect(
      line
        .pushes()
        .map((p) => p.messages.length)
        .sort(),
    ).toEqual([2, 5]);
    expect(wordsIn(line.pushes().find((p) => p.messages.length === 2)!.messages)).toContain(`七つ${n}-7`);
  });

  it('a notice for a hold cancelled meanwhile is dropped, and the reason kept', async () => {
    const h = await readyHold(at('2026-12-06 21:10'));
    const r = await cancelHold(database.db, { holdId: h.holdId, online: false, actor: STAFF }, at('2026-12-06 22:00'));
    expect(r.ok).toBe(true);
    expect(await deliver(at('2026-12-07 08:00'))).toBe(0);
    expect(line.pushes()).toEqual([]);
    expect((await noticeRows(database.db, { patronId: h.patronId }))[0]).toMatchObject({
      status: 'dropped',
      lastError: 'hold is cancelled',
    });
    expect((await pushRows(database.db)).filter((p) => p.patronId === h.patronId)).toEqual([
      expect.objectContaining({ status: 'dropped' }),
    ]);
  });

  it('a patron who blocked the account (unfollow) gets no push; the notice says so', async () => {
    const t0 = at('2026-12-08 10:00');
    const h = await readyHold(t0, { following: false });
    expect(await deliver(t0)).toBe(0);
    expect(line.pushes()).toEqual([]);
    expect((await noticeRows(database.db, { patronId: h.patronId }))[0]).toMatchObject({
      status: 'dropped',
      lastError: 'patron blocked the LINE account',
    });
  });

  it(
    'a patron who blocked the account after the push was ' +
      'written gets none either; e-mail holds are not pushed at all',
    async () => {
      const t0 = at('2026-12-08 11:00');
      const h = await readyHold(at('2026-12-07 21:30'));
      await setFollowing(database.db, h.user, false);
      const mail = await readyHold(t0, { contact: 'email' });
      expect(await deliver(t0)).toBe(0);
      expect(line.pushes()).toEqual([]);
      expect((await noticeRows(database.db, { patronId: h.patronId }))[0]!.status).toBe('dropped');
      // Left for the e-mail sender, untouched.
      expect((await noticeRows(database.db, { patronId: mail.patronId }))[0]).toMatchObject({
        channel: 'email',
        status: 'pending',
        pushId: null,
      });
    },
  );
});

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
