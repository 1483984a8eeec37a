/**
 * One app instance for the two-instance test (not a test file itself): builds the runtime the way
 * `npm start` does, against DATABASE_URL and the fake LINE of LINE_API_BASE_URL, then runs jobs
 * at the simulated instants it is sent, one JSON line each on stdin:
 *   {"at":"2026-12-02T09:00:00+09:00","jobs":["promote-holds",…]}  →  {"at":…,"counts":{…}}
 *   {"exit":true}
 */
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config.js';
import { testLog } from '../helpers/test-log.js';
import type { MailTransport } from '../../src/mail/transport.js';
import { buildRuntime } from '../../src/runtime.js';

const clock = { now: new Date(0) };
// This test is about LINE; e-mail (another sender) is not exercised here.
const noMail: MailTransport = { send: async () => {}, verify: async () => true };
const rt = await buildRuntime(loadConfig({ ...process.env, SEED: 'none', CRON: 'off' }), testLog, {
  clock: () => clock.now,
  mail: noMail,
});
const say = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
say({ ready: true });

for await (const line of createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line) as { at: string; jobs: string[] } | { exit: true };
  if ('exit' in cmd) break;
  clock.now = new Date(cmd.at);
  const counts: Record<string, number> = {};
  try {
    for (const job of cmd.jobs) counts[job] = await rt.runJob(job, clock.now);
    // The deliveries the jobs kicked, so that the step is over when this instance answers.
    await rt.notices.idle();
    say({ at: cmd.at, counts });
  } catch (err) {
    say({ at: cmd.at, error: String(err) });
  }
}
await rt.close();
// stdin stays open in the parent; without this the process would wait for it.
process.exit(0);
