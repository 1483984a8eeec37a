import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { buildRuntime } from '../runtime.js';
import { JOB_NAMES } from '../services/jobs.js';

/** `npm run job -- NAME [--now ISO]`: runs one job once, as the scheduler would. */
const args = process.argv.slice(2);
const name = args[0];
const nowArg = args.indexOf('--now') >= 0 ? args[args.indexOf('--now') + 1] : undefined;
if (!name || !JOB_NAMES.includes(name)) {
  console.error(`usage: npm run job -- NAME [--now ISO]; known jobs: ${JOB_NAMES.join(', ')}`);
  process.exit(2);
}
const now = nowArg ? new Date(nowArg) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now must be an ISO-8601 instant, got ${nowArg}`);
  process.exit(2);
}
const rt = await buildRuntime(loadConfig({ ...process.env, SEED: 'none' }), createLogger('warn'));
try {
  console.log(JSON.stringify({ job: name, processed: await rt.runJob(name, now) }));
} finally {
  await rt.close();
}
