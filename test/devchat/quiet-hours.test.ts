import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StandInChannel } from '../../src/devchat/channel.js';
import { chatRoutes } from '../../src/devchat/chat-routes.js';
import { insertNotice } from '../../src/db/notices.js';
import { deliverLineNotices } from '../../src/notices/line-delivery.js';
import { recordingMessenger } from '../helpers/app.js';
import { testDatabase } from '../helpers/database.js';
import { addPatronWithPassword } from '../helpers/pages.js';
import { testLog } from '../helpers/test-log.js';

// Issue 23, item 11: ジョブを今すぐ実行 at night pushed nothing and said nothing about why.
let database: Awaited<ReturnType<typeof testDatabase>>;
let patronId: string;
const messenger = recordingMessenger();

beforeAll(async () => {
  database = await testDatabase();
  patronId = await addPatronWithPassword(database.db, '4000002301', 'Quiet4pw');
  await database.db
    .insertInto('line_users')
    .values({
      line_user_id: `U${'2a'.repeat(16)}`,
      patron_id: patronId,
      linked_at: new Date(),
      following: true,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
});
afterAll(async () => database.close());

/** The chat page's jobs button at `now`, with deliver-notices as the runtime runs it. */
async function runJobsAt(now: Date) {
  const channel = new StandInChannel({
    webhookUrl: 'http://quiet.test/webhook',
    clock: () => now,
    log: testLog,
    menuAliases: [],
    defaultAlias: 'logged-out',
  });
  const routes = chatRoutes({
    channel,
    db: database.db,
    menus: [],
    jobNames: ['deliver-notices'],
    runJob: async (name) => (name === 'deliver-notices' ? deliverLineNotices(database.db, messenger, testLog, now) : 0),
    log: testLog,
    clock: () => now,
  });
  const res = await routes.request('/chat/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const notes = channel.transcript
    .since(0)
    .flatMap((e) => (e.kind === 'note' ? [e.text] : []))
    .join('\n');
  return { body: (await res.json()) as { quietHours?: string }, notes };
}

async function noticeDueAt(dueAt: Date, key: string) {
  await insertNotice(database.db, {
    patronId,
    kind: 'hold_expired',
    channel: 'line',
    payload: { title: '夜の本', pickupBranch: 'honkan' },
    dedupeKey: key,
    dueAt,
  });
}

describe('ジョブを今すぐ実行 in quiet hours', () => {
  it('says how many LINE notices are held, and from when they go', async () => {
    const night = new Date('2026-12-01T22:30:00+09:00');
    await noticeDueAt(new Date('2026-12-01T21:10:00+09:00'), 'quiet:1');
    await noticeDueAt(new Date('2026-12-01T22:00:00+09:00'), 'quiet:2');
    const { body, notes } = await runJobsAt(night);
    expect(messenger.pushes).toHaveLength(0);
    expect(notes).toContain('夜間（21時〜翌8時）はLINEの通知を送りません。');
    expect(notes).toContain('送信を控えている通知：2件（2026年12月2日（水）8時00分以降の実行で送ります）');
    expect(body.quietHours).toContain('2件');
  });

  it('at 8:00 the same button sends them, and says nothing of quiet hours', async () => {
    const { body, notes } = await runJobsAt(new Date('2026-12-02T08:00:00+09:00'));
    expect(messenger.pushes).toHaveLength(1);
    expect(notes).not.toContain('夜間');
    expect(body.quietHours).toBeUndefined();
  });
});
