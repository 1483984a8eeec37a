import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { checkin, checkout } from '../../src/services/circulation.js';
import { placeHold } from '../../src/services/holds.js';
import { onPostgres, testDatabase } from '../helpers/database.js';
import { startFakeLineServer, type FakeLineServer } from '../helpers/fake-line-server.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { counterHold, linkLine, noticeRows } from '../helpers/notices.js';
import { PATRON } from '../helpers/actors.js';

/**
 * Two app processes against one PostgreSQL run the schedules of one simulated day side by side
 * (same injected instants, at the same time): every notice reaches LINE once, every hold is
 * promoted and expired once. LINE is a real HTTP server here (msw does not reach child processes);
 * it fails every 4th new push with 500, so retries race too.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const JOBS = ['promote-holds', 'expire-holds', 'send-reminders', 'deliver-notices'];

class Instance {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #lines: AsyncIterator<string>;
  constructor(env: Record<string, string>) {
    this.#child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['test/notices/app-instance.ts'], {
      cwd: ROOT,
      // The same Node as this test runs on (tsx starts `node` from PATH).
      env: { ...process.env, ...env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
    });
    this.#child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    this.#lines = createInterface({ input: this.#child.stdout })[Symbol.asyncIterator]();
  }
  async next(): Promise<any> {
    const r = await this.#lines.next();
    if (r.done) throw new Error('instance exited');
    return JSON.parse(r.value);
  }
  async run(when: Date): Promise<Record<string, number>> {
    this.#child.stdin.write(JSON.stringify({ at: when.toISOString(), jobs: JOBS }) + '\n');
    const r = await this.next();
    if (r.error) throw new Error(r.error);
    return r.counts;
  }
  async exit(): Promise<void> {
    const done = new Promise((resolve) => this.#child.on('exit', resolve));
    this.#child.stdin.end(JSON.stringify({ exit: true }) + '\n');
    await done;
  }
  kill(): void {
    this.#child.kill('SIGKILL');
  }
}

describe.skipIf(!onPostgres())('two app instances against one PostgreSQL', () => {
  let database: Database & { url: string | undefined };
  let line: FakeLineServer;
  let instances: Instance[] = [];

  beforeAll(async () => {
    database = await testDatabase();
    line = await startFakeLineServer({ failEvery: 4 });
  });
  afterAll(async () => {
    for (const i of instances) i.kill();
    await line?.close();
    await database?.close();
  });

  it('run a simulated day: each notice sent exactly once, each hold promoted and expired once', {
    timeout: 120_000,
  }, async () => {
    const db = database.db;
    // 12 patrons with LINE; titles for each case of the day (Wed 2 Dec 2026; Monday is closed).
    const cards = Array.from({ length: 12 }, (_, i) => `TW${i + 1}`);
    for (const card of cards) await linkLine(db, await addPatron(db, card), { seed: `two-instances ${card}` });
    const shelf = await addTitles(
      db,
      Array.from({ length: 6 }, (_, i) => BOOK(`棚の本${i + 1}`, [[`SH${i + 1}`, 'honkan']])),
    );
    const lent = await addTitles(
      db,
      Array.from({ length: 4 }, (_, i) => BOOK(`貸出中の本${i + 1}`, [[`LN${i + 1}`, 'honkan']])),
    );
    const expiring = await addTitles(
      db,
      Array.from({ length: 3 }, (_, i) => BOOK(`期限切れの本${i + 1}`, [[`EX${i + 1}`, 'honkan']])),
    );
    const reminded = await addTitles(
      db,
      Array.from({ length: 2 }, (_, i) => BOOK(`もうすぐ期限の本${i + 1}`, [[`RM${i + 1}`, 'honkan']])),
    );

    // Ready since Mon 23 Nov → deadline Tue 1 Dec: expire at midnight, the copy passes to the next hold.
    for (const [i, bibId] of expiring.entries()) {
      await counterHold(db, cards[i]!, bibId, at('2026-11-23 10:00'));
      await counterHold(db, cards[i + 3]!, bibId, at('2026-11-24 10:00'));
    }
    // Ready since Thu 26 Nov → deadline Fri 4 Dec: the pickup reminder is due Wed 2 Dec.
    for (const [i, bibId] of reminded.entries()) await counterHold(db, cards[i + 6]!, bibId, at('2026-11-26 10:00'));
    // Out on loan, due Fri 4 Dec (due reminders on Wed 2 Dec), to patrons 9–12.
    for (const i of [0, 1, 2, 3])
      await checkout(
        db,
        { cardNumber: cards[i + 8]!, itemBarcode: `LN${i + 1}`, loanPeriodDays: 14, dueDate: '2026-12-04' },
        at('2026-11-20 10:00'),
      );
    // Tue 1 Dec evening, online holds (LINE contact): on shelf copies (ready once official) and on lent ones.
    for (const [i, bibId] of shelf.entries()) await online(cards[i]!, bibId, at('2026-12-01 19:00'));
    for (const [i, bibId] of lent.entries()) await online(cards[i]!, bibId, at('2026-12-01 19:30'));

    instances = [0, 1].map(
      () =>
        new Instance({
          DATABASE_URL: database.url!,
          LINE_API_BASE_URL: line.url,
          LINE_CHANNEL_ACCESS_TOKEN: 'two-instances-token',
        }),
    );
    for (const i of instances) expect(await i.next()).toEqual({ ready: true });

    const steps = [
      '00:00',
      '07:30',
      '08:00',
      '08:01',
      '08:05',
      '09:00',
      '09:01',
      '09:05',
      '10:00',
      '10:01',
      '10:05',
      '12:00',
      '20:00',
      '21:00',
      '23:59',
    ].map((t) => at(`2026-12-02 ${t}`));
    steps.push(at('2026-12-03 08:00'), at('2026-12-03 08:30'), at('2026-12-03 09:00'));
    const totals: Record<string, number> = {};
    for (const step of steps) {
      // Staff work between two runs: a lent copy comes back and goes to its hold.
      if (step.getTime() === at('2026-12-02 10:00').getTime())
        await checkin(db, { itemBarcode: 'LN1', branch: 'honkan' }, at('2026-12-02 09:58'));
      const counts = await Promise.all(instances.map((i) => i.run(step)));
      for (const c of counts) for (const [job, n] of Object.entries(c)) totals[job] = (totals[job] ?? 0) + n;
    }
    for (const i of instances) await i.exit();
    instances = [];

    // Promoted once: the 10 online holds, counted once over both instances.
    expect(totals['promote-holds']).toBe(10);
    // Expired once: three holds, one audit row each; their copies went to the next holds.
    expect(totals['expire-holds']).toBe(3);
    const audits = await db.selectFrom('audit_log').select('hold_id').where('action', '=', 'hold.expire').execute();
    expect(audits.length).toBe(3);
    expect(new Set(audits.map((a) => a.hold_id)).size).toBe(3);

    // Every LINE notice was delivered, by one push whose retry key LINE accepted once.
    const all = (await noticeRows(db)).filter((n) => n.channel === 'line');
    // The ready notices of the holds that expired overnight had not gone out yet (nothing ran
    // before this day): dropped, not sent, since the hold is over.
    const dropped = all.filter((n) => n.status === 'dropped');
    expect(dropped.map((n) => [n.kind, n.lastError])).toEqual(Array(3).fill(['hold_ready', 'hold is expired']));
    const notices = all.filter((n) => n.status !== 'dropped');
    expect(notices.filter((n) => n.status !== 'sent')).toEqual([]);
    const kinds = notices.map((n) => n.kind).sort();
    expect(kinds.filter((k) => k === 'hold_expired')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'pickup_reminder')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'due_reminder')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'loan_reserved')).toHaveLength(4);
    // Ready: 3 copies passed on after expiry, 2 (reminded later), 6 promoted onto shelf copies, 1 returned.
    expect(kinds.filter((k) => k === 'hold_ready')).toHaveLength(12);
    const keys = line.accepted.map((p) => p.retryKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(line.accepted.reduce((n, p) => n + p.messages.length, 0)).toBe(notices.length);
    const pushes = await db
      .selectFrom('notice_pushes')
      .select(['retry_key', 'status'])
      .where('status', '=', 'sent')
      .execute();
    expect(pushes.map((p) => p.retry_key).sort()).toEqual([...keys].sort());
    // The fake refused some pushes with 500: those were retried with the same key, not duplicated.
    expect(line.statuses.filter((s) => s === 500).length).toBeGreaterThan(0);
  });

  async function online(card: string, bibId: string, now: Date): Promise<void> {
    const r = await placeHold(
      database.db,
      {
        cardNumber: card,
        bibId,
        pickupBranch: 'honkan',
        channel: 'online',
        contact: 'line',
        lineLinked: true,
        actor: PATRON,
      },
      now,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.failure));
  }
});
