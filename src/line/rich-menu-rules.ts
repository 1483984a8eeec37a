import type { messagingApi } from '@line/bot-sdk';

/**
 * LINE's limits on a rich menu and its image (Messaging API reference, "Rich menu object" and
 * "Upload rich menu image"). Checked before anything is sent, because LINE refuses an image only
 * after the menu has been created, which would leave a half-made menu behind.
 */
export const RICH_MENU_LIMITS = {
  widthMin: 800,
  widthMax: 2500,
  heightMin: 250,
  minAspectRatio: 1.45,
  areas: 20,
  name: 300,
  chatBarText: 14,
  actionLabel: 20,
  messageText: 300,
  /** "Max file size: 1 MB"; the decimal megabyte, to stay clear of either reading. */
  imageBytes: 1_000_000,
  /** Alias ids: 1–32 characters of letters, digits, `_` and `-`. */
  aliasId: /^[A-Za-z0-9_-]{1,32}$/,
} as const;

/** Every menu this project owns has a name with this prefix; other menus on the channel are left alone. */
export const MENU_NAME_PREFIX = 'kamagaya-';
/** LINE shows the default menu to everyone without a per-user link, i.e. to patrons who are not logged in. */
export const DEFAULT_ALIAS = 'logged-out';

type Bounds = { x: number; y: number; width: number; height: number };

const intersects = (a: Bounds, b: Bounds) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every way the menu breaks LINE's limits (or this project's rule of message actions); empty when it is fine. */
export function richMenuProblems(menu: messagingApi.RichMenuRequest): string[] {
  const L = RICH_MENU_LIMITS;
  const problems: string[] = [];
  const { width = 0, height = 0 } = menu.size ?? {};
  if (width < L.widthMin || width > L.widthMax)
    problems.push(`width ${width} is not within ${L.widthMin}..${L.widthMax}`);
  if (height < L.heightMin) problems.push(`height ${height} is below ${L.heightMin}`);
  if (height > 0 && width / height < L.minAspectRatio)
    problems.push(`aspect ratio ${width}/${height} is below ${L.minAspectRatio}`);
  if (typeof menu.selected !== 'boolean') problems.push('selected must be true or false');
  if (!menu.name || menu.name.length > L.name) problems.push('name must be 1..300 characters');
  if (!menu.chatBarText || menu.chatBarText.length > L.chatBarText)
    problems.push(`chatBarText must be 1..${L.chatBarText} characters`);
  const areas = menu.areas ?? [];
  if (areas.length === 0 || areas.length > L.areas) problems.push(`${areas.length} areas (1..${L.areas} allowed)`);
  const bounds: Bounds[] = [];
  areas.forEach((area, i) => {
    const b = area.bounds;
    const a = area.action as { type?: string; label?: string; text?: string } | undefined;
    const name = `area ${i} (${a?.label ?? '?'})`;
    if (!b || ![b.x, b.y, b.width, b.height].every((n) => Number.isInteger(n))) {
      problems.push(`${name}: bounds must be four integers`);
      return;
    }
    const box = b as Bounds;
    if (
      box.x < 0 ||
      box.y < 0 ||
      box.width <= 0 ||
      box.height <= 0 ||
      box.x + box.width > width ||
      box.y + box.height > height
    ) {
      problems.push(`${name}: bounds leave the menu`);
    }
    const other = bounds.findIndex((o) => intersects(o, box));
    if (other >= 0) problems.push(`${name}: overlaps area ${other}`);
    bounds.push(box);
    // A tap must send the same words a patron could type, so both go through one conversation.
    if (a?.type !== 'message') problems.push(`${name}: action must be a message action`);
    if (!a?.label || a.label.length > L.actionLabel)
      problems.push(`${name}: label must be 1..${L.actionLabel} characters`);
    if (!a?.text || a.text.length > L.messageText)
      problems.push(`${name}: text must be 1..${L.messageText} characters`);
  });
  return problems;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (always the first chunk), or null when it is no PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(PNG_SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR')
    return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** What is wrong with the image of a menu: not a PNG, another size than the menu, or too large. */
export function richMenuImageProblems(menu: messagingApi.RichMenuRequest, png: Uint8Array): string[] {
  const size = pngSize(png);
  if (!size) return ['image is not a PNG'];
  const problems: string[] = [];
  if (size.width !== menu.size?.width || size.height !== menu.size?.height) {
    problems.push(`image is ${size.width}×${size.height}, the menu ${menu.size?.width}×${menu.size?.height}`);
  }
  if (png.byteLength >= RICH_MENU_LIMITS.imageBytes)
    problems.push(`image is ${png.byteLength} bytes (under 1 MB required)`);
  return problems;
}
