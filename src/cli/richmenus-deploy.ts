import { ConfigError, loadConfig } from '../config.js';
import { createLogger, errorText } from '../log.js';
import { deployRichMenus } from '../line/rich-menu-deploy.js';
import { loadRichMenus, richMenuClients } from '../line/rich-menus.js';

/**
 * `npm run richmenus:deploy`: puts richmenus/*.json and their images on the LINE channel.
 * Safe to run again: unchanged menus are only read (docs/rich-menus.md).
 */
try {
  const config = loadConfig(process.env);
  const token = config.line.channelAccessToken;
  if (!token) throw new ConfigError('Configuration error: LINE_CHANNEL_ACCESS_TOKEN is required to deploy rich menus');
  const menus = await loadRichMenus();
  const { client, blobClient } = richMenuClients({
    channelAccessToken: token,
    apiBaseUrl: config.line.apiBaseUrl,
    dataApiBaseUrl: config.line.dataApiBaseUrl,
  });
  const report = await deployRichMenus(client, blobClient, menus, createLogger('warn'));
  const list = (names: string[]) => (names.length > 0 ? names.join(', ') : 'none');
  console.log(`created: ${list(report.created)}`);
  console.log(`unchanged: ${list(report.kept)}`);
  console.log(`aliases created: ${list(report.aliasesCreated)}; updated: ${list(report.aliasesUpdated)}`);
  console.log(`default menu: ${report.defaultSet ? `set to the logged-out menu (${report.defaultSet})` : 'unchanged'}`);
  console.log(`deleted: ${list(report.deleted)}`);
  if (report.leftBehind.length > 0) {
    console.log(`kept for now (patrons not yet moved, run again later): ${list(report.leftBehind)}`);
  }
} catch (err) {
  // One line for the operator; a LINE error carries its status and LINE's own message.
  const body = err && typeof err === 'object' && 'body' in err ? ` ${String((err as { body: unknown }).body)}` : '';
  const cause = err instanceof Error && err.cause ? ` (${errorText(err.cause)})` : '';
  console.error(err instanceof ConfigError ? err.message : `rich menu deploy failed: ${errorText(err)}${cause}${body}`);
  process.exit(1);
}
