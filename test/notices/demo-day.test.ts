import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { pickupDeadline } from '../../src/domain/calendar.js';
import { libraryProfile } from '../../src/profile/active.js';
import { profileCalendar } from '../helpers/profiles.js';
import { addDays, tokyoDate, weekdayOf, type IsoDate } from '../../src/domain/dates.js';
import { pickupReminderDay } from '../../src/domain/reminders.js';
import { testLog } from '../helpers/test-log.js';
import { noticeMessages } from '../../src/messages/ja/index.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, at } from '../helpers/library.js';
import {
  ACCESS_TOKEN,
  CHANNEL_SECRET,
  fakeLine,
  LINE_API,
  lineUserId,
  otherEvent,
  postWebhook,
  testMessenger,
  webhookBody,
  type FakeLine,
} from '../helpers/line.js';
import { recordingMailer } from '../helpers/mail.js';
import { linkLine, postbacksIn, wordsIn } from '../helpers/notices.js';
import { lineApi } from '../setup/msw.js';

/**
 * "Done when" of the notices issue: a demo library day runs by itself. A LINE reservation made in
 * the evening is promoted the next opening morning, the returned copy makes it ready, the patron
 * gets one LINE message, and the uncollected hold expires after 7 opening days and passes on.
 * The days are near today's date: the webhook inbox stamps events with the database's clock.
 */
const TOKEN = 'demo-day-admin-token';
const TITLE = '鎌ケ谷の一日';

/** A Tuesday a few days ahead, clear of the year-end closure (Mondays are closed). */
function demoTuesday(): IsoDate {
  let d = addDays(tokyoDate(new Date()), 3);
  while (weekdayOf(d) !== 2 || d.slice(5) >= '12-05' || d.slice(5) <= '01-10') d = addDays(d, 1);
  return d;
}

let rt: Runtime;
let closeServer: (() => Promise<void>) | undefined;
let line: FakeLine;
const clock = { now: new Date() };
const tue = demoTuesday();
const wed = addDays(tue, 1);
const cal = profileCalendar(libraryProfile(), Number(tue.slice(0, 4)), Number(tue.slice(0, 4)) + 1);
const SHELF = libraryProfile().holds.shelfOpeningDays;
const patronUser = lineUserId('demo-day patron');

beforeAll(async () => {
  const server = process.env.DATABASE_URL ? await testDatabase() : undefined;
  closeServer = server?.close;
  const config = loadConfig({
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN,
    LINE_API_BASE_URL: LINE_API,
    ADMIN_TOKEN: TOKEN,
    DATABASE_URL: server?.url,
    SEED: 'none',
    CRON: 'off',
  });
  rt = await buildRuntime(config, testLog, {
    pgliteInMemory: true,
    messenger: testMessenger(),
    clock: () => clock.now,
    mail: recordingMailer(),
  });
});
afterAll(async () => {
  await rt?.close();
  await closeServer?.();
});
beforeEach(() => {
  line = fakeLine(lineApi);
});
afterEach(() => {
  expect(line.unexpected).toEqual([]);
});

async function staff(path: string, body: unknown): Promise<any> {
  const res = await rt.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function holdsOf(card: string): Promise<any[]> {
  const res = await rt.app.request(`/admin/patrons/${card}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as { holds: any[] }).holds;
}

/** The patron taps a button in LINE: a signed webhook, handled by the inbox worker. */
async function tap(data: string): Promise<unknown[]> {
  const before = line.calls.length;
  const res = await postWebhook(rt.app, webhookBody([otherEvent('postback', patronUser, { postback: { data } })]));
  expect(res.status).toBe(200);
  await rt.worker.kick();
  return line.calls.slice(before).flatMap((c) => c.messages);
}

/** Runs the scheduled jobs of one Tokyo day as scheduleJobs does (runtime.ts), then the deliveries they kick. */
async function runDay(day: IsoDate, from = '00:00'): Promise<void> {
  const steps: [string, string][] = [
    ['00:00', 'expire-holds'],
    ['07:30', 'send-reminders'],
    ['08:00', 'deliver-notices'],
    ['09:00', 'promote-holds'],
    ['12:00', 'deliver-notices'],
    ['20:00', 'expire-holds'],
  ];
  for (const [time, job] of steps) {
    if (time < from) continue;
    clock.now = at(`${day} ${time}`);
    await rt.runJob(job, clock.now);
    await rt.notices.idle();
  }
}

const noticePushes = (heading: string) =>
  line.pushes().filter((p) => p.to === patronUser && wordsIn(p.messages).includes(heading));

describe('a demo library day', () => {
  it(
    'R-RES-3, R-RES-8: reserved in the evening, official next morning, ready ' +
      'on return, one LINE message, expired after 7 opening days and passed on',
    async () => {
      const db = rt.database.db;
      clock.now = at(`${tue} 10:00`);
      const patronId = await addPatron(db, 'DEMO1');
      await addPatron(db, 'DEMO2');
      await addPatron(db, 'DEMO3');
      await linkLine(db, patronId, { seed: 'demo-day patron' });
      const { bibIds } = await staff('/admin/catalog', {
        records: [
          {
            title: TITLE,
            materialType: 'book',
            items: [{ barcode: 'DAY001', branch: 'honkan', callNumber: '291.35' }],
          },
        ],
      });
      await staff('/admin/checkouts', { cardNumber: 'DEMO2', itemBarcode: 'DAY001' });

      // Tuesday 19:00: the patron reserves in LINE (予約申込 → 本館 → LINE → 送信).
      clock.now = at(`${tue} 19:00`);
      await tap(`reserve|start|${bibIds[0]}`);
      await tap('reserve|branch|honkan');
      const confirm = await tap('reserve|contact|line');
      const send = postbacksIn(confirm).find(([label]) => label === '送信')![1];
      expect(wordsIn(await tap(send))).toContain('予約受付');
      expect(await holdsOf('DEMO1')).toMatchObject([{ status: 'requested', contact: 'line' }]);

      // Wednesday: official at 09:00, not before.
      await runDay(wed);
      expect(await holdsOf('DEMO1')).toMatchObject([{ status: 'queued', position: 1 }]);
      clock.now = at(`${wed} 10:00`);
      await staff('/admin/holds', {
        cardNumber: 'DEMO3',
        bibId: bibIds[0],
        pickupBranch: 'honkan',
        channel: 'counter',
      });

      // 14:00: the copy comes back at 本館 → 受取り可, and the patron hears it at once (no job needed).
      clock.now = at(`${wed} 14:00`);
      expect(noticePushes(noticeMessages.holdReady.heading)).toEqual([]);
      expect(await staff('/admin/checkins', { itemBarcode: 'DAY001', branch: 'honkan' })).toEqual({
        trappedHoldId: expect.anything(),
      });
      await rt.notices.idle();
      const deadline = pickupDeadline(cal, wed, SHELF);
      expect(await holdsOf('DEMO1')).toMatchObject([{ status: 'ready', pickupDeadline: deadline }]);
      const ready = noticePushes(noticeMessages.holdReady.heading);
      expect(ready).toHaveLength(1);
      expect(wordsIn(ready[0]!.messages)).toContain(TITLE);
      await runDay(wed, '20:00');

      // The following days run by themselves; the patron does not come.
      for (let d = addDays(wed, 1); d <= addDays(deadline, 1); d = addDays(d, 1)) await runDay(d);

      expect(noticePushes(noticeMessages.holdReady.heading)).toHaveLength(1);
      const reminders = noticePushes(noticeMessages.pickupReminder.heading);
      expect(reminders).toHaveLength(1);
      const expired = noticePushes(noticeMessages.holdExpired.heading);
      expect(expired).toHaveLength(1);
      expect(wordsIn(expired[0]!.messages)).toContain(TITLE);

      // R-RES-8: expired the night after the deadline; the copy went to the next patron in line.
      expect(await holdsOf('DEMO1')).toEqual([]);
      expect(await holdsOf('DEMO3')).toMatchObject([
        { status: 'ready', position: 1, pickupDeadline: pickupDeadline(cal, addDays(deadline, 1), SHELF) },
      ]);
      // When each went out: at once on return; the reminder and the expiry (written at midnight,
      // quiet hours) at 08:00 of their days.
      const sentAt = async (kind: string) =>
        (
          await db
            .selectFrom('notices')
            .select('sent_at')
            .where('kind', '=', kind)
            .where('patron_id', '=', patronId)
            .executeTakeFirstOrThrow()
        ).sent_at;
      expect(await sentAt('hold_ready')).toEqual(at(`${wed} 14:00`));
      expect(await sentAt('pickup_reminder')).toEqual(
        at(`${pickupReminderDay(cal, deadline, libraryProfile().reminders)} 08:00`),
      );
      expect(await sentAt('hold_expired')).toEqual(at(`${addDays(deadline, 1)} 08:00`));
      // Nothing was pushed twice: every push carried its own retry key, and LINE took each once.
      const keys = line
        .pushes()
        .filter((p) => p.status === 200)
        .map((p) => p.retryKey);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );
});
