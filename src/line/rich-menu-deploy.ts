import { HTTPFetchError, type messagingApi } from '@line/bot-sdk';
import type { Logger } from '../log.js';
import { DEFAULT_ALIAS, MENU_NAME_PREFIX, richMenuImageProblems, richMenuProblems } from './rich-menu-rules.js';
import type { RichMenu } from './rich-menus.js';

type Client = messagingApi.MessagingApiClient;
type BlobClient = messagingApi.MessagingApiBlobClient;
type Listed = messagingApi.RichMenuResponse;

/** What a deploy did, by deployed name (`kamagaya-logged-in#…`) and alias. */
export interface DeployReport {
  created: string[];
  kept: string[];
  aliasesCreated: string[];
  aliasesUpdated: string[];
  defaultSet: string | null;
  deleted: string[];
  /** Old menus kept because their patrons could not be moved to the new menu yet; the next deploy retries. */
  leftBehind: string[];
}

export interface DeployOptions {
  /** Wait between polls of LINE's batch progress (ms). */
  batchPollMs?: number;
  /** Give up waiting for the batch after this long (ms); the old menus then stay until the next deploy. */
  batchTimeoutMs?: number;
}

const baseName = (deployedName: string) => deployedName.split('#')[0] ?? deployedName;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isStatus = (err: unknown, status: number) => err instanceof HTTPFetchError && err.status === status;

/**
 * Brings the channel's rich menus to what `menus` describe, converging from any state:
 * 1. each menu exists under its hashed name (created and given its image only when missing);
 * 2. its alias points at it (created, or updated when it pointed elsewhere);
 * 3. the logged-out menu is the default;
 * 4. older `kamagaya-` menus are retired: patrons linked to them are moved to the successor
 *    (LINE's batch "link from → to"), and only then are the old menus deleted.
 * With nothing changed, only the three list/get calls are made.
 */
export async function deployRichMenus(
  client: Client,
  blobClient: BlobClient,
  menus: readonly RichMenu[],
  log: Logger,
  opts: DeployOptions = {},
): Promise<DeployReport> {
  for (const m of menus) {
    const problems = [...richMenuProblems(m.request), ...richMenuImageProblems(m.request, m.image)];
    if (problems.length > 0) throw new Error(`rich menu ${m.alias}: ${problems.join('; ')}`);
  }
  const report: DeployReport = {
    created: [],
    kept: [],
    aliasesCreated: [],
    aliasesUpdated: [],
    defaultSet: null,
    deleted: [],
    leftBehind: [],
  };
  const existing = (await client.getRichMenuList()).richmenus;
  const aliases = new Map((await client.getRichMenuAliasList()).aliases.map((a) => [a.richMenuAliasId, a.richMenuId]));

  const current = new Map<string, string>(); // alias → richMenuId
  for (const menu of menus) {
    const id = await ensureMenu(client, blobClient, menu, existing, aliases.get(menu.alias), report, log);
    current.set(menu.alias, id);
    await ensureAlias(client, menu.alias, id, aliases.get(menu.alias), report, log);
  }
  await ensureDefault(client, current.get(DEFAULT_ALIAS), report, log);

  const currentIds = new Set(current.values());
  const stale = existing.filter((m) => m.name.startsWith(MENU_NAME_PREFIX) && !currentIds.has(m.richMenuId));
  if (stale.length > 0) {
    const successor = new Map(menus.map((m) => [m.request.name, current.get(m.alias)]));
    await retire(client, stale, successor, report, log, opts);
  }
  return report;
}

async function ensureMenu(
  client: Client,
  blobClient: BlobClient,
  menu: RichMenu,
  existing: Listed[],
  aliasTarget: string | undefined,
  report: DeployReport,
  log: Logger,
): Promise<string> {
  const same = existing.filter((m) => m.name === menu.deployedName);
  // Prefer the copy the alias already shows, so a re-run touches nothing.
  const found = same.find((m) => m.richMenuId === aliasTarget) ?? same[0];
  if (found) {
    // Not yet behind its alias: an earlier deploy may have stopped between create and upload.
    if (found.richMenuId !== aliasTarget && !(await hasImage(blobClient, found.richMenuId))) {
      await upload(blobClient, found.richMenuId, menu);
      log.info('rich menu image uploaded to an existing menu', {
        name: menu.deployedName,
        richMenuId: found.richMenuId,
      });
    }
    report.kept.push(menu.deployedName);
    return found.richMenuId;
  }
  const { richMenuId } = await client.createRichMenu({ ...menu.request, name: menu.deployedName });
  try {
    await upload(blobClient, richMenuId, menu);
  } catch (err) {
    // A menu without an image can be neither shown nor given an image later by name; remove it.
    await client.deleteRichMenu(richMenuId).catch(() => undefined);
    throw err;
  }
  report.created.push(menu.deployedName);
  log.info('rich menu created', { name: menu.deployedName, richMenuId });
  return richMenuId;
}

async function upload(blobClient: BlobClient, richMenuId: string, menu: RichMenu): Promise<void> {
  await blobClient.setRichMenuImage(richMenuId, new Blob([new Uint8Array(menu.image)], { type: 'image/png' }));
}

async function hasImage(blobClient: BlobClient, richMenuId: string): Promise<boolean> {
  try {
    const stream = await blobClient.getRichMenuImage(richMenuId);
    stream.destroy();
    return true;
  } catch (err) {
    if (isStatus(err, 404)) return false;
    throw err;
  }
}

async function ensureAlias(
  client: Client,
  alias: string,
  richMenuId: string,
  target: string | undefined,
  report: DeployReport,
  log: Logger,
): Promise<void> {
  if (target === richMenuId) return;
  if (target === undefined) {
    await client.createRichMenuAlias({ richMenuAliasId: alias, richMenuId });
    report.aliasesCreated.push(alias);
  } else {
    await client.updateRichMenuAlias(alias, { richMenuId });
    report.aliasesUpdated.push(alias);
  }
  log.info('rich menu alias set', { alias, richMenuId, previous: target ?? null });
}

async function ensureDefault(
  client: Client,
  richMenuId: string | undefined,
  report: DeployReport,
  log: Logger,
): Promise<void> {
  if (richMenuId === undefined) {
    log.warn('no logged-out rich menu: the default menu is left as it is', { alias: DEFAULT_ALIAS });
    return;
  }
  let now: string | undefined;
  try {
    now = (await client.getDefaultRichMenuId()).richMenuId;
  } catch (err) {
    // 404: the channel has no default menu yet.
    if (!isStatus(err, 404)) throw err;
  }
  if (now === richMenuId) return;
  await client.setDefaultRichMenu(richMenuId);
  report.defaultSet = richMenuId;
  log.info('default rich menu set', { richMenuId, previous: now ?? null });
}

/**
 * Deleting a menu silently drops every patron linked to it back to the default (logged-out)
 * menu, so logged-in patrons are first moved to the successor in one batch, and the old menus
 * are deleted only when LINE reports the batch done.
 */
async function retire(
  client: Client,
  stale: Listed[],
  successor: Map<string | undefined, string | undefined>,
  report: DeployReport,
  log: Logger,
  opts: DeployOptions,
): Promise<void> {
  const operations = stale.flatMap((m) => {
    const to = successor.get(baseName(m.name));
    return to ? [{ type: 'link' as const, from: m.richMenuId, to }] : [];
  });
  const moved = operations.length === 0 || (await moveLinkedUsers(client, operations, log, opts));
  for (const m of stale) {
    if (!moved && successor.get(baseName(m.name))) {
      report.leftBehind.push(m.name);
      continue;
    }
    await client.deleteRichMenu(m.richMenuId);
    report.deleted.push(m.name);
    log.info('old rich menu deleted', { name: m.name, richMenuId: m.richMenuId });
  }
}

async function moveLinkedUsers(
  client: Client,
  operations: messagingApi.RichMenuBatchLinkOperation[],
  log: Logger,
  opts: DeployOptions,
): Promise<boolean> {
  const { batchPollMs = 1000, batchTimeoutMs = 120_000 } = opts;
  const { httpResponse } = await client.richMenuBatchWithHttpInfo({ operations });
  const requestId = httpResponse.headers.get('x-line-request-id');
  if (!requestId) {
    log.warn('rich menu batch accepted without a request id: old menus kept');
    return false;
  }
  const deadline = Date.now() + batchTimeoutMs;
  for (;;) {
    await sleep(batchPollMs);
    const { phase } = await client.getRichMenuBatchProgress(requestId);
    if (phase === 'succeeded') return true;
    if (phase === 'failed' || Date.now() > deadline) {
      log.warn('moving patrons to the new rich menus did not finish: old menus kept', { requestId, phase });
      return false;
    }
  }
}
