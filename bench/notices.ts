/**
 * bench/notices: 10,000 pending LINE notices (one per patron, so 10,000 pushes) delivered by
 * deliverLineNotices to a fake LINE server on 127.0.0.1, against the fake server's raw request
 * rate measured in the same run: the same pushes, with the same messenger and the same number in
 * flight, but no database.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:notices
 * BENCH_NOTICES sets the number of notices (default 10000).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { noticeReply } from '../src/notices/cards.js';
import { lineMessenger } from '../src/line/messenger.js';
import { toLineMessages } from '../src/line/outbound.js';
import { silentLogger } from '../src/log.js';
import { deliverLineNotices, PUSH_CONCURRENCY } from '../src/notices/line-delivery.js';
import { startFakeLineServer } from '../test/helpers/fake-line-server.js';
import { benchDatabase } from './bench-database.js';

const NOTICES = Number(process.env.BENCH_NOTICES ?? 10_000);
const TARGET_PER_S = 500;
const scratch = await benchDatabase('bench:notices');
const database = await scratch.open();
const line = await startFakeLineServer();
const messenger = lineMessenger({ channelAccessToken: 'bench-token', apiBaseUrl: line.url });
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));

try {
  let t = performance.now();
  await load();
  console.log(
    `loaded ${NOTICES} pending LINE notices for ${NOTICES} linked patrons in ${(performance.now() - t).toFixed(0)} ms`,
  );

  // Baseline: the same number of pushes, the same message, PUSH_CONCURRENCY in flight, no database.
  // Measured before and after the delivery (the machine is shared; the faster run counts), after a warm-up.
  const sample = toLineMessages([
    noticeReply(
      {
        kind: 'hold_ready',
        loanId: null,
        payload: { title: 'ベンチ書名 1', pickupBranch: 'honkan', pickupDeadline: '2026-12-10' },
      },
      () => '本館',
    )!,
  ]);
  const rawPushes = async (n: number) => {
    const t0 = performance.now();
    let sent = 0;
    await Promise.all(
      Array.from({ length: PUSH_CONCURRENCY }, async () => {
        while (sent++ < n) await messenger.push(`U${randomBytes(16).toString('hex')}`, sample, randomUUID());
      }),
    );
    return performance.now() - t0;
  };
  await rawPushes(1000);
  const rawBeforeMs = await rawPushes(NOTICES);
  console.log(
    `fake LINE raw (before): ${NOTICES} pushes in ${rawBeforeMs.toFixed(0)} ms ` +
      `(${perSecond(NOTICES, rawBeforeMs)} req/s, ${PUSH_CONCURRENCY} in flight)`,
  );
  const acceptedBefore = line.accepted.length;

  t = performance.now();
  const delivered = await deliverLineNotices(
    database.db,
    messenger,
    silentLogger,
    new Date('2026-12-01T10:00:00+09:00'),
  );
  const ms = performance.now() - t;
  const rate = perSecond(delivered, ms);
  const pushes = line.accepted.length - acceptedBefore;
  const left = Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM notices WHERE status <> 'sent'`.execute(database.db)).rows[0]!
      .n,
  );
  if (delivered !== NOTICES || left !== 0 || pushes !== NOTICES)
    throw new Error(`delivered ${delivered}, pushes ${pushes}, not sent ${left}: expected ${NOTICES} each and 0 left`);
  console.log(`deliverLineNotices: ${delivered} notices in ${ms.toFixed(0)} ms (${rate} notices/s), ${pushes} pushes`);
  const rawAfterMs = await rawPushes(NOTICES);
  console.log(
    `fake LINE raw (after): ${NOTICES} pushes in ${rawAfterMs.toFixed(0)} ms (${perSecond(NOTICES, rawAfterMs)} req/s)`,
  );
  const rawRate = perSecond(NOTICES, Math.min(rawBeforeMs, rawAfterMs));
  const ratio = rate / rawRate;
  console.log(
    `delivery runs at ${(ratio * 100).toFixed(0)}% of the fake server's raw rate ` +
      `(${rawRate} req/s, the faster baseline)`,
  );
  console.log(
    `SUMMARY bench:notices notices=${NOTICES} delivered=${delivered} ${rate}/s raw=${rawRate}/s ` +
      `ratio=${ratio.toFixed(2)} target>=${TARGET_PER_S}/s: ${rate >= TARGET_PER_S ? 'met' : 'MISSED'}`,
  );
} finally {
  await line.close();
  await scratch.drop();
}

/** Fixture in set-based SQL, so loading is not what the bench measures. */
async function load(): Promise<void> {
  const db = database.db;
  await sql`
    INSERT INTO patrons (card_number, name, birth_date, residency, password_hash)
    SELECT 'B' || g, '利用者 ' || g, '1980-01-01', 'resident', 'x' FROM generate_series(1, ${NOTICES}) g`.execute(db);
  await sql`
    INSERT INTO line_users (line_user_id, patron_id, linked_at, following)
    SELECT 'U' || md5(id::text), id, now(), true FROM patrons`.execute(db);
  await sql`
    INSERT INTO notices (patron_id, kind, channel, payload, dedupe_key, due_at, retry_key)
    SELECT id, 'hold_ready', 'line',
           jsonb_build_object('title', 'ベンチ書名 ' || id, 'pickupBranch', 'honkan', 'pickupDeadline', '2026-12-10'),
           'bench:' || id, '2026-12-01T09:00:00+09:00', gen_random_uuid()
      FROM patrons`.execute(db);
  await sql`ANALYZE`.execute(db);
}
