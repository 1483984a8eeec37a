import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { messagingApi } from '@line/bot-sdk';
import { MADE_LANGUAGES, MENU_STATES, richMenuJson, translatedMenu } from '../src/line/rich-menu-languages.js';
import { RICH_MENUS_DIR, richMenuAlias } from '../src/line/rich-menus.js';

/**
 * `npm run richmenus:json`: writes richmenus/<state>-<language>.json for every language but
 * Japanese, from richmenus/<state>.json (the layout) and src/messages/<language>/rich-menu.ts
 * (the words). Then `npm run richmenus:images -- <aliases>` draws their pictures.
 */
for (const which of MENU_STATES) {
  const ja = JSON.parse(await readFile(join(RICH_MENUS_DIR, `${which}.json`), 'utf8')) as messagingApi.RichMenuRequest;
  for (const language of MADE_LANGUAGES) {
    const path = join(RICH_MENUS_DIR, `${richMenuAlias(which, language)}.json`);
    await writeFile(path, richMenuJson(translatedMenu(ja, which, language)));
    console.log(relative(process.cwd(), path));
  }
}
