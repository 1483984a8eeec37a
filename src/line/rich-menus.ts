import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Language } from '../lib/language.js';
import { MENU_NAME_PREFIX, RICH_MENU_LIMITS, richMenuImageProblems, richMenuProblems } from './rich-menu-rules.js';

/**
 * The rich menus live in richmenus/ at the project root (`<alias>.json` with `<alias>.png` beside
 * it), found from this module as src/db/migrate.ts finds migrations/: the same relative path
 * works under tsx and vitest. Deploying is an operator's step from a checkout, so dist/ needs no copy.
 */
export const RICH_MENUS_DIR = fileURLToPath(new URL('../../richmenus/', import.meta.url));

/** Which menu a patron sees, by login state; each language has its own menu of each. */
export type RichMenuAlias = 'logged-in' | 'logged-out';

/**
 * The alias of a state's menu in a language: the Japanese menus keep their first aliases
 * (`logged-in`, the default `logged-out`), the others carry the language (`logged-in-en`).
 */
export function richMenuAlias(which: RichMenuAlias, language: Language): string {
  return language === 'ja' ? which : `${which}-${language}`;
}

/** The alias a user is linked to for a state and language; undefined where the default menu shows unlinked. */
export function linkedMenuAlias(which: RichMenuAlias, language: Language): string | undefined {
  return which === 'logged-out' && language === 'ja' ? undefined : richMenuAlias(which, language);
}

/** A menu as written in richmenus/: the alias comes from the file name, the request from its JSON. */
export interface RichMenuDefinition {
  alias: string;
  request: messagingApi.RichMenuRequest;
  jsonPath: string;
  imagePath: string;
}

/** A menu ready to deploy: its name on LINE carries a hash of its JSON and image. */
export interface RichMenu {
  alias: string;
  request: messagingApi.RichMenuRequest;
  image: Buffer;
  hash: string;
  /** e.g. `kamagaya-logged-out#3f2a9c1b`: equal names mean equal content, so a deploy can skip it. */
  deployedName: string;
}

class RichMenuFileError extends Error {}

/** Reads and checks every richmenus/*.json, without the images (the image script draws them from these). */
export async function readRichMenuDefinitions(dir: string = RICH_MENUS_DIR): Promise<RichMenuDefinition[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const definitions: RichMenuDefinition[] = [];
  for (const file of files) {
    const alias = file.slice(0, -'.json'.length);
    const jsonPath = join(dir, file);
    const request = JSON.parse(await readFile(jsonPath, 'utf8')) as messagingApi.RichMenuRequest;
    const problems = richMenuProblems(request);
    if (!RICH_MENU_LIMITS.aliasId.test(alias)) problems.push(`"${alias}" cannot be a rich menu alias id`);
    if (!request.name?.startsWith(MENU_NAME_PREFIX) || request.name.includes('#')) {
      problems.push(`name must start with "${MENU_NAME_PREFIX}" and carry no "#" (the deploy appends "#hash")`);
    }
    if (problems.length > 0) throw new RichMenuFileError(`${jsonPath}: ${problems.join('; ')}`);
    definitions.push({ alias, request, jsonPath, imagePath: join(dir, `${alias}.png`) });
  }
  return definitions;
}

/** A menu with its content hash; the hash covers the request as sent and the image bytes. */
export function prepareRichMenu(alias: string, request: messagingApi.RichMenuRequest, image: Buffer): RichMenu {
  const hash = createHash('sha256')
    .update(JSON.stringify(request))
    .update('\n')
    .update(image)
    .digest('hex')
    .slice(0, 8);
  return { alias, request, image, hash, deployedName: `${request.name}#${hash}` };
}

/**
 * Every menu of richmenus/ with its image; a missing, mis-sized or too large image stops here,
 * before LINE is called.
 */
export async function loadRichMenus(dir: string = RICH_MENUS_DIR): Promise<RichMenu[]> {
  const menus: RichMenu[] = [];
  for (const d of await readRichMenuDefinitions(dir)) {
    const image = await readFile(d.imagePath).catch(() => {
      throw new RichMenuFileError(`${d.imagePath} is missing: run \`npm run richmenus:images\``);
    });
    const problems = richMenuImageProblems(d.request, image);
    if (problems.length > 0) throw new RichMenuFileError(`${d.imagePath}: ${problems.join('; ')}`);
    menus.push(prepareRichMenu(d.alias, d.request, image));
  }
  return menus;
}

/** The two SDK clients a deploy needs; images go to the separate data host. */
export function richMenuClients(opts: { channelAccessToken: string; apiBaseUrl: string; dataApiBaseUrl: string }) {
  return {
    client: new messagingApi.MessagingApiClient({
      channelAccessToken: opts.channelAccessToken,
      baseURL: opts.apiBaseUrl,
    }),
    blobClient: new messagingApi.MessagingApiBlobClient({
      channelAccessToken: opts.channelAccessToken,
      baseURL: opts.dataApiBaseUrl,
    }),
  };
}

type LinkClient = Pick<
  messagingApi.MessagingApiClient,
  'getRichMenuAlias' | 'linkRichMenuIdToUser' | 'unlinkRichMenuIdFromUser'
>;

/**
 * Shows a patron the menu of their state and language after login, logout or a change of
 * language. The alias is resolved on every call, not cached, so a redeploy (which moves the
 * alias) never leaves a stale menu id behind. Logged out in Japanese needs no menu id at all:
 * removing the per-user link lets the default menu show. Logged out in another language is a
 * per-user link like logged in, since LINE has one default menu for everyone.
 */
export async function linkRichMenuForUser(
  client: LinkClient,
  lineUserId: string,
  which: RichMenuAlias,
  language: Language,
): Promise<void> {
  const alias = linkedMenuAlias(which, language);
  if (alias === undefined) {
    try {
      await client.unlinkRichMenuIdFromUser(lineUserId);
    } catch (err) {
      // Nothing linked (or no such user): the default menu already shows, which is what was asked.
      if (!(err instanceof HTTPFetchError && err.status === 404)) throw err;
    }
    return;
  }
  const { richMenuId } = await client.getRichMenuAlias(alias);
  await client.linkRichMenuIdToUser(lineUserId, richMenuId);
}
