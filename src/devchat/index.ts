import { Hono } from 'hono';
import type { Config } from '../config.js';
import type { Executor } from '../db/executor.js';
import { DEFAULT_ALIAS } from '../line/rich-menu-rules.js';
import type { Language } from '../lib/language.js';
import type { Logger } from '../log.js';
import { ACCESS_PREFIX, accessDialogStandIn } from './access-dialog.js';
import { StandInChannel } from './channel.js';
import { chatRoutes } from './chat-routes.js';
import { loadChatMenus } from './menus.js';
import { messagingApiStandIn } from './messaging-api.js';

/**
 * The local chat page stands in for LINE when no channel is configured (nothing else could talk
 * to the bot), or when DEV_CHAT=on asks for it. With a channel and DEV_CHAT off, none of it exists.
 */
export function devChatEnabled(config: Config): boolean {
  return config.devChat || !config.line.channelSecret;
}

/** How the server reaches itself: its listening address, a wildcard one replaced by loopback. */
export function loopbackOrigin(host: string, port: number): string {
  const h =
    host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

export interface DevChatRouteDeps {
  db: Executor;
  /** The language the bot speaks with a user: the rich menu put back after a restart is in it. */
  userLanguage?: (lineUserId: string) => Promise<Language>;
  jobNames: readonly string[];
  runJob: (name: string) => Promise<number>;
}

export interface DevChat {
  /**
   * The configuration to run with: the stand-in's channel secret and access token, the Messaging
   * API at this server's own origin, the account-link dialog under ACCESS_PREFIX. Everything else,
   * and the code that talks to LINE, stays as it is with a real channel.
   */
  config: Config;
  channel: StandInChannel;
  /** The chat page, as a browser on PUBLIC_BASE_URL opens it. */
  url: string;
  /** The page, its API, the Messaging API stand-in and the account-link dialog, for the app. */
  routes(deps: DevChatRouteDeps): Hono;
}

export async function createDevChat(config: Config, log: Logger, clock: () => Date): Promise<DevChat> {
  const origin = loopbackOrigin(config.host, config.port);
  const menus = await loadChatMenus(log);
  const channel = new StandInChannel({
    webhookUrl: `${origin}/webhook`,
    clock,
    log,
    menuAliases: menus.map((m) => m.alias),
    defaultAlias: DEFAULT_ALIAS,
  });
  const line = {
    ...config.line,
    channelSecret: channel.channelSecret,
    channelAccessToken: channel.accessToken,
    apiBaseUrl: origin,
    // The browser follows the login page's redirect here, so it is on the public origin.
    accessBaseUrl: `${config.publicBaseUrl}${ACCESS_PREFIX}`,
  };
  return {
    config: { ...config, line },
    channel,
    url: `${config.publicBaseUrl}/`,
    routes(deps) {
      const app = new Hono();
      app.route('/', messagingApiStandIn(channel, log));
      app.route('/', accessDialogStandIn(channel));
      app.route('/', chatRoutes({ channel, menus, log, clock, ...deps }));
      return app;
    },
  };
}
