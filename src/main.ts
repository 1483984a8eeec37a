import { ConfigError, loadConfig } from './config.js';
import { createLogger, errorText } from './log.js';
import { devChatEnabled } from './devchat/index.js';
import { buildRuntime, listen, scheduleJobs } from './runtime.js';

const log = createLogger(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info');

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig(process.env);
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
  if (rt.devChat) log.info('chat with the bot in a browser (no LINE channel configured, or DEV_CHAT=on)', { chat: rt.devChat.url });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    stopJobs();
    server.close();
    await rt.close();
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
