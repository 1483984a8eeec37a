import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { insertNotice } from '../../src/db/notices.js';
import { setConfirmedEmail } from '../../src/db/patrons.js';
import type { Logger } from '../../src/log.js';
import { smtpTransport } from '../../src/mail/smtp.js';
import { accountPages, MAIL_SENDER_NOTICE } from '../../src/messages/ja/index.js';
import { messageTables } from '../../src/messages/index.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import { accountClient } from '../helpers/account-pages.js';
import { testDatabase } from '../helpers/database.js';
import { at } from '../helpers/library.js';
import { linkIn, parseMail, tokenOf } from '../helpers/mail.js';
import { addPatronWithPassword } from '../helpers/pages.js';
import { freePort, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

// Mail over SMTP to a real server in its own process (test/mail/smtp-sink.mjs, the smtp-server
// package), wired the way `npm start` wires it: SMTP_URL, MAIL_FROM, the outbox and its job.
const FROM = 'yoyaku@library-kamagaya-chiba.jp';
const BASE = 'http://localhost:3000';
const NOW = at('2026-12-01 10:00');

const warnings: string[] = [];
const log: Logger = {
  debug() {},
  info() {},
  warn: (msg) => void warnings.push(msg),
  error: (msg) => void warnings.push(msg),
};
let rt: Runtime;
let drop: (() => Promise<void>) | undefined;
let smtpPort: number;
let sink: SmtpSink | undefined;
const clock = { now: NOW };
let serial = 0;

beforeAll(async () => {
  // The server is down when the app starts: a warning, not a failed start.
  smtpPort = await freePort();
  const pg = process.env.DATABASE_URL ? await testDatabase() : undefined;
  drop = pg?.close;
  const config = loadConfig({
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PUBLIC_BASE_URL: BASE,
    DATABASE_URL: pg?.url,
    SEED: 'none',
    CRON: 'off',
  });
  rt = await buildRuntime(config, log, { pgliteInMemory: true, clock: () => clock.now });
});
afterEach(async () => {
  await sink?.stop();
  sink = undefined;
});
afterAll(async () => {
  await rt?.close();
  await drop?.();
});

const client = () => accountClient({ app: rt.app }, BASE);
const noticesOf = (patronId: string) =>
  rt.database.db.selectFrom('notices').selectAll().where('patron_id', '=', patronId).orderBy('id').execute();
async function patron() {
  const card = `60000000${String(++serial).padStart(2, '0')}`;
  const id = await addPatronWithPassword(rt.database.db, card, 'Smtp5pwZ');
  return { id, card, password: 'Smtp5pwZ' };
}
async function register(p: { card: string; password: string }, email: string) {
  const confirm = await client().change('/email', {
    step: 'confirm',
    cardNumber: p.card,
    password: p.password,
    email,
    emailType: 'pc',
  });
  return client().send('/email', confirm.html);
}

describe('mail over SMTP', () => {
  it('starts with the SMTP server down: a warning, and verify() says no', async () => {
    await expect.poll(() => warnings).toContain('mail server does not answer; mails stay queued and are retried');
    await expect(smtpTransport(`smtp://127.0.0.1:${smtpPort}`, FROM).verify()).resolves.toBe(false);
  });

  it(
    'R-MAIL-2/R-MAIL-3: the confirmation mail arrives from ' +
      'MAIL_FROM, with subject, text and HTML, and its link works',
    async () => {
      sink = await startSmtpSink(smtpPort);
      await expect(smtpTransport(`smtp://127.0.0.1:${smtpPort}`, FROM).verify()).resolves.toBe(true);
      const p = await patron();
      const done = await register(p, 'hanako@example.jp');
      expect(done.html).toContain(accountPages.email.doneTitle);
      await sink.waitFor(1);
      const got = sink.received[0]!;
      expect(got.from).toBe(FROM);
      expect(got.to).toEqual(['hanako@example.jp']);
      const mail = parseMail(got.raw);
      expect(mail.headers.get('from')).toBe(FROM);
      expect(mail.headers.get('to')).toBe('hanako@example.jp');
      expect(mail.headers.get('subject')).toBe('メールアドレス変更確認のお知らせ');
      const text = mail.parts.get('text/plain')!;
      const html = mail.parts.get('text/html')!;
      expect(text).toContain(MAIL_SENDER_NOTICE(FROM));
      expect(html).toContain(FROM);
      const link = linkIn(text)!;
      expect(link.startsWith(`${BASE}/email/confirm?token=`)).toBe(true);
      expect(html).toContain(`href="${link}"`);
      expect(tokenOf(link)).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits

      const page = await client().get(link.slice(BASE.length));
      expect(page.html).toContain('hanako@example.jp');
      expect((await client().send('/email/confirm', page.html)).html).toContain(accountPages.emailConfirm.doneTitle);
      const row = await rt.database.db
        .selectFrom('patrons')
        .select(['email', 'email_confirmed_at'])
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(row.email).toBe('hanako@example.jp');
      expect(row.email_confirmed_at).not.toBeNull();
    },
  );

  it(
    'R-MAIL-3: SMTP down, then up: the notice stays pending ' + 'with a retry within 15 minutes, then goes out once',
    async () => {
      const p = await patron();
      const done = await register(p, 'later@example.jp');
      expect(done.html).toContain(MAIL_SENDER_NOTICE(FROM)); // the page still completes, and says whom to allow
      let [n] = await noticesOf(p.id);
      expect(n).toMatchObject({ status: 'pending', attempts: 1 });
      const retryAt = n!.due_at;
      expect(retryAt.getTime() - NOW.getTime()).toBeGreaterThan(0);
      expect(retryAt.getTime() - NOW.getTime()).toBeLessThanOrEqual(15 * 60_000);

      sink = await startSmtpSink(smtpPort);
      expect(await rt.runJob('deliver-notices', new Date(retryAt.getTime() - 1000))).toBe(0); // not due yet
      expect(await rt.runJob('deliver-notices', retryAt)).toBe(1);
      expect(await rt.runJob('deliver-notices', new Date(retryAt.getTime() + 3_600_000))).toBe(0);
      await sink.waitFor(1);
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]!.to).toEqual(['later@example.jp']);
      [n] = await noticesOf(p.id);
      expect(n).toMatchObject({ status: 'sent', attempts: 2 });
      expect(n!.payload).not.toHaveProperty('token');
    },
  );

  it('retries: each next attempt within 15 minutes while the server is down; given up after 24 hours', async () => {
    const p = await patron();
    await register(p, 'down@example.jp');
    let at = NOW;
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [n] = await noticesOf(p.id);
      delays.push(n!.due_at.getTime() - at.getTime());
      at = n!.due_at;
      await rt.runJob('deliver-notices', at);
    }
    expect(delays.every((d) => d > 0 && d <= 15 * 60_000)).toBe(true);
    expect((await noticesOf(p.id))[0]).toMatchObject({ status: 'pending', attempts: 7 });
    // A day later the link is dead: the mail is not sent, and the token leaves the outbox.
    await rt.runJob('deliver-notices', new Date(NOW.getTime() + 24 * 3_600_000 + 60_000));
    const [last] = await noticesOf(p.id);
    expect(last!.status).toBe('dropped');
    expect(last!.payload).not.toHaveProperty('token');
  });

  it('a permanent refusal (550) is not retried; a temporary one (451) is', async () => {
    for (const [code, status] of [
      ['451', 'pending'],
      ['550', 'failed'],
    ] as const) {
      sink = await startSmtpSink(smtpPort, { SMTP_SINK_REJECT: code });
      const p = await patron();
      await register(p, `reject${code}@example.jp`);
      expect((await noticesOf(p.id))[0], code).toMatchObject({ status, attempts: 1 });
      await sink.stop();
      sink = undefined;
    }
  });

  it('hold notices with the E-mail contact go by mail to the confirmed address, in Japanese', async () => {
    sink = await startSmtpSink(smtpPort);
    const p = await patron();
    await setConfirmedEmail(rt.database.db, p.id, 'reader@example.jp', 'mobile', NOW);
    const q = await patron(); // E-mail chosen, but no confirmed address any more: dropped, not sent elsewhere
    const payload = { title: '街とその不確かな壁', pickupBranch: 'tobu', pickupDeadline: '2026-12-10' };
    await insertNotice(rt.database.db, {
      patronId: p.id,
      kind: 'hold_ready',
      channel: 'email',
      payload,
      dedupeKey: `t-ready-${p.id}`,
      dueAt: NOW,
    });
    await insertNotice(rt.database.db, {
      patronId: p.id,
      kind: 'hold_expired',
      channel: 'email',
      payload,
      dedupeKey: `t-expired-${p.id}`,
      dueAt: NOW,
    });
    await insertNotice(rt.database.db, {
      patronId: q.id,
      kind: 'hold_ready',
      channel: 'email',
      payload,
      dedupeKey: `t-ready-${q.id}`,
      dueAt: NOW,
    });
    expect(await rt.runJob('deliver-notices', NOW)).toBe(2);
    await sink.waitFor(2);
    const mails = sink.received.map((r) => ({ to: r.to, ...parseMail(r.raw) }));
    expect(mails.map((m) => m.to)).toEqual([['reader@example.jp'], ['reader@example.jp']]);
    expect(mails.map((m) => m.headers.get('subject'))).toEqual([
      '予約資料のご用意ができました',
      '予約の取消のお知らせ（取置期間終了）',
    ]);
    const ready = mails[0]!.parts.get('text/plain')!;
    expect(ready).toContain('『街とその不確かな壁』');
    expect(ready).toContain('受取館：東部分館');
    expect(ready).toContain('2026年12月10日（木）');
    expect(ready).toContain(MAIL_SENDER_NOTICE(FROM));
    expect(mails[0]!.parts.get('text/html')).toContain('東部分館');
    expect((await noticesOf(q.id))[0]).toMatchObject({ status: 'dropped', last_error: 'no confirmed e-mail address' });
  });

  it("issue 28: a card whose LINE user reads English gets its mail in English; the branch's English name", async () => {
    sink = await startSmtpSink(smtpPort);
    const p = await patron();
    await setConfirmedEmail(rt.database.db, p.id, 'reader-en@example.jp', 'pc', NOW);
    await rt.database.db
      .insertInto('line_users')
      .values({
        line_user_id: `U${'e'.repeat(32)}`,
        patron_id: p.id,
        linked_at: NOW,
        language: 'en',
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await insertNotice(rt.database.db, {
      patronId: p.id,
      kind: 'hold_ready',
      channel: 'email',
      payload: { title: '街とその不確かな壁', pickupBranch: 'tobu', pickupDeadline: '2026-12-10' },
      dedupeKey: `t-ready-en-${p.id}`,
      dueAt: NOW,
    });
    expect(await rt.runJob('deliver-notices', NOW)).toBe(1);
    await sink.waitFor(1);
    const mail = parseMail(sink.received[0]!.raw);
    expect(mail.headers.get('subject')).toBe(messageTables.en.mailText.holdReadySubject);
    const text = mail.parts.get('text/plain')!;
    expect(text).toContain('街とその不確かな壁');
    expect(text).toContain('Tobu Branch (東部分館)');
    expect(text).not.toContain('受取館：');
    expect(mail.parts.get('text/html')).toMatch(/^<!DOCTYPE html><html lang="en">/);
  });
});
