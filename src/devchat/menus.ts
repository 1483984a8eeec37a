import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readRichMenuDefinitions, RICH_MENUS_DIR } from '../line/rich-menus.js';
import { errorText, type Logger } from '../log.js';

/** A rich menu as the chat page draws it: the image, and where each tappable area is. */
export interface ChatMenu {
  alias: string;
  chatBarText: string;
  size: { width: number; height: number };
  areas: { bounds: { x: number; y: number; width: number; height: number }; action: unknown }[];
  image: Buffer;
}

/**
 * richmenus/ at the project root. src/line finds it under tsx and vitest; compiled, that path points
 * into dist/, so the root as seen from dist/src/devchat is tried next (the Dockerfile copies it there).
 */
const CANDIDATES = [RICH_MENUS_DIR, fileURLToPath(new URL('../../../richmenus/', import.meta.url))];

/** The menus of richmenus/ with their images; none (and a warning) when they cannot be read. */
export async function loadChatMenus(log: Logger, dirs: readonly string[] = CANDIDATES): Promise<ChatMenu[]> {
  const dir = dirs.find((d) => existsSync(d));
  try {
    if (!dir) throw new Error('richmenus/ not found');
    const menus: ChatMenu[] = [];
    for (const d of await readRichMenuDefinitions(dir)) {
      // The SDK's types leave every field optional; readRichMenuDefinitions has checked them.
      const r = d.request;
      const size = { width: r.size?.width ?? 0, height: r.size?.height ?? 0 };
      const areas = (r.areas ?? []).map((a) => ({
        bounds: {
          x: a.bounds?.x ?? 0,
          y: a.bounds?.y ?? 0,
          width: a.bounds?.width ?? 0,
          height: a.bounds?.height ?? 0,
        },
        action: a.action,
      }));
      menus.push({ alias: d.alias, chatBarText: r.chatBarText ?? '', size, areas, image: await readFile(d.imagePath) });
    }
    return menus;
  } catch (err) {
    log.warn('dev chat: no rich menu on the chat page', { error: errorText(err) });
    return [];
  }
}
