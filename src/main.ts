import { ConfigError, loadConfig } from './config.js';
import { createLogger, errorText } from './log.js';
import { devChatEnabled } from './devchat/index.js';
import { buildRuntime, listen, scheduleJobs } from './runtime.js';

// Until the configuration is read, errors are logged at the default level.
let log = createLogger('info');
/** How long SIGTERM waits for in-flight requests, events and jobs (Docker's stop timeout is 10 s). */
const GRACE_MS = 8_000;

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig(process.env);
  log = createLogger(config.logLevel ?? 'info');
  const rt = await buildRuntime(config, log, { devChat: devChatEnabled(config) });
  rt.worker.start();
  const stopJobs = config.cron ? scheduleJobs(rt, config, log) : () => {};
  const server = await listen(rt, config);
  log.info('listening', {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
    database: rt.database.kind,
    startupMs: Date.now() - started,
    webhook: rt.devChat ? 'local chat page (a stand-in for LINE)' : 'on',
    staffApi: config.adminToken ? 'on' : 'off (ADMIN_TOKEN not set)',
  });
  if (rt.devChat)
    log.info('chat with the bot in a browser (no LINE channel configured, or DEV_CHAT=on)', { chat: rt.devChat.url });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const t0 = Date.now();
    log.info('shutting down', { signal, flow: 'shutdown', step: 'begin' });
    // Stop accepting first: a webhook answered 200 is in the inbox; one refused is redelivered by LINE.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    stopJobs();
    await Promise.race([closed, new Promise((r) => setTimeout(r, GRACE_MS / 2).unref())]);
    await rt.close(GRACE_MS / 2);
    log.info('stopped', { signal, flow: 'shutdown', step: 'done', durationMs: Date.now() - t0 });
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  // A configuration error is one line naming the variable; anything else is logged without a stack.
  if (err instanceof ConfigError) console.error(err.message);
  else log.error('start failed', { error: errorText(err) });
  process.exit(1);
});
