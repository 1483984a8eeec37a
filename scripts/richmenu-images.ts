import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/helpers/screenshots.js';
import { parseMenuAlias, tileIntent } from '../src/line/rich-menu-languages.js';
import { richMenuImageProblems } from '../src/line/rich-menu-rules.js';
import type { MenuIntent } from '../src/messages/rich-menu-words.js';
import { readRichMenuDefinitions, type RichMenuDefinition } from '../src/line/rich-menus.js';

/**
 * `npm run richmenus:images`: draws richmenus/<alias>.png for every richmenus/<alias>.json in
 * headless Chromium. Tiles are placed from the JSON areas themselves, so the picture cannot drift
 * from where taps land. The PNGs are committed: a deploy uploads them as they are, and their bytes
 * are part of each menu's content hash. `npm run richmenus:images -- logged-in-en logged-out-en`
 * draws only those menus (a new language), leaving the others' pictures byte for byte as they are.
 */

/** Line icons on a 48×48 grid, drawn with `currentColor`; one per intent a tile starts. */
const ICONS: Partial<Record<MenuIntent, string>> = {
  search:
    '<path d="M3 9c6-2.5 12-2.5 18 1v26c-6-3.5-12-3.5-18-1z"/>' +
    '<path d="M39 9c-6-2.5-12-2.5-18 1v26c6-3.5 12-3.5 18-1z"/>' +
    '<circle cx="33" cy="32" r="8" class="knock"/><path d="M39 38l6 6"/>',
  status:
    '<rect x="9" y="8" width="30" height="36" rx="3.5"/>' +
    '<rect x="17" y="4" width="14" height="8" rx="2.5" class="knock"/>' +
    '<path d="M15 22l3.5 3.5 6-6"/><path d="M29 23h5"/><path d="M15 34l3.5 3.5 6-6"/><path d="M29 35h5"/>',
  login: '<path d="M27 6h10a4 4 0 0 1 4 4v28a4 4 0 0 1-4 4H27"/><path d="M5 24h24"/><path d="M20 15l9 9-9 9"/>',
  logout: '<path d="M21 6H11a4 4 0 0 0-4 4v28a4 4 0 0 0 4 4h10"/><path d="M19 24h24"/><path d="M34 15l9 9-9 9"/>',
  passwordChange:
    '<circle cx="14" cy="24" r="10"/><path d="M24 24h20"/>' +
    '<path d="M37 24v8"/><path d="M44 24v6"/><path d="M14 24h.01"/>',
  emailRegistration: '<rect x="5" y="10" width="38" height="28" rx="3.5"/><path d="M7 13l17 13 17-13"/>',
  help:
    '<circle cx="24" cy="24" r="19"/>' +
    '<path d="M18.5 19a5.5 5.5 0 1 1 7.7 5c-1.4.7-2.2 1.8-2.2 3.3V29"/><path d="M24 35.5v.01"/>',
  // Issue 27: a card with its barcode.
  libraryCard:
    '<rect x="4" y="9" width="40" height="30" rx="3.5"/>' +
    '<path d="M11 16v16"/><path d="M15 16v16"/><path d="M20 16v16"/><path d="M23 16v16"/>' +
    '<path d="M28 16v16"/><path d="M33 16v16"/><path d="M37 16v16"/>',
  services:
    '<rect x="6" y="6" width="15" height="15" rx="3"/><rect x="27" y="6" width="15" height="15" rx="3"/>' +
    '<rect x="6" y="27" width="15" height="15" rx="3"/><rect x="27" y="27" width="15" height="15" rx="3"/>',
};

/** Calm library colours, by state in every language; every text and icon colour has a contrast of 7:1 or more. */
const THEMES: Record<string, { ground: string; accent: string; ink: string; line: string }> = {
  'logged-out': { ground: '#dcebe2', accent: '#1a5e43', ink: '#14251e', line: '#b7d3c3' },
  'logged-in': { ground: '#dbe7f2', accent: '#1b4f7c', ink: '#131f2b', line: '#b5cbe0' },
};
/** The tile a logged-out patron most needs next stands out, filled with the accent colour. */
const CALL_TO_ACTION = new Set<MenuIntent>(['login']);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A label may wrap only between words (パスワード|変更), never inside one: a broken word is hard to
 * read. A label with spaces (English, やさしい日本語) says itself where its words end; the segmenter
 * would cut a word of kana anywhere (り|ようじょう).
 */
const words = new Intl.Segmenter('ja', { granularity: 'word' });
const labelHtml = (label: string) =>
  label.includes(' ') ? escapeHtml(label) : [...words.segment(label)].map((w) => escapeHtml(w.segment)).join('<wbr>');

/** Shrinks a label that still overflows its tile (one long word) until it fits; runs in the page. */
const FIT_LABELS = `for (const el of document.querySelectorAll('.label')) {
  let size = parseFloat(getComputedStyle(el).fontSize);
  while (el.scrollWidth > el.clientWidth && size > 60) { size -= 2; el.style.fontSize = size + 'px'; }
}`;

function pageFor(menu: RichMenuDefinition): string {
  const { width = 0, height = 0 } = menu.request.size ?? {};
  const { which = 'logged-out', language = 'ja' } = parseMenuAlias(menu.alias) ?? {};
  const theme = THEMES[which]!;
  const tiles = (menu.request.areas ?? []).map((area) => {
    const word = (area.action as { text?: string }).text ?? '';
    const label = (area.action as { label?: string }).label ?? word;
    const intent = tileIntent(word, language);
    const icon = ICONS[intent];
    if (!icon)
      throw new Error(`${menu.jsonPath}: no icon for ${intent}; add one to ICONS in scripts/richmenu-images.ts`);
    const b = area.bounds!;
    const cls = CALL_TO_ACTION.has(intent) ? 'tile cta' : 'tile';
    return (
      `<div class="${cls}" style="left:${b.x}px;top:${b.y}px;width:${b.width}px;height:${b.height}px">
      <div class="card"><svg viewBox="0 0 48 48" aria-hidden="true">${icon}</svg>` +
      `<div class="label">${labelHtml(label)}</div></div></div>`
    );
  });
  return (
    `<!doctype html><html lang="${language === 'en' ? 'en' : 'ja'}"><head><meta charset="utf-8"><style>
    * { margin: 0; padding: 0; box-sizing: border-box; }
    html, body { width: ${width}px; height: ${height}px; overflow: hidden; background: ${theme.ground}; }
    body { font-family: 'Noto Sans CJK JP', sans-serif; font-weight: 700; color: ${theme.ink}; --card: #ffffff; }
    .tile { position: absolute; padding: 20px; }
    .card { width: 100%; height: 100%; border-radius: 56px; background: var(--card); border: 6px solid ${theme.line};
            display: grid; grid-template-rows: 430px 1fr; grid-template-columns: minmax(0, 1fr); ` +
    `justify-items: center; padding: 0 40px; }
    svg { align-self: end; width: 300px; height: 300px; margin-bottom: 24px; color: ${theme.accent};
          fill: none; stroke: currentColor; stroke-width: 3.2; stroke-linecap: round; stroke-linejoin: round; }
    svg .knock { fill: var(--card); }
    .label { width: 100%; align-self: start; margin-top: 8px; font-size: 118px; line-height: 1.18; ` +
    `letter-spacing: 0.02em; text-align: center;
             word-break: keep-all; overflow-wrap: normal; }
    .cta .card { --card: ${theme.accent}; border-color: ${theme.accent}; color: #ffffff; }
    .cta svg { color: #ffffff; }
  </style></head><body>${tiles.join('\n')}</body></html>`
  );
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
try {
  const only = process.argv.slice(2);
  const menus = (await readRichMenuDefinitions()).filter((m) => only.length === 0 || only.includes(m.alias));
  if (only.length > 0 && menus.length !== only.length) throw new Error(`no richmenus/<alias>.json for some of ${only}`);
  for (const menu of menus) {
    const { width = 0, height = 0 } = menu.request.size ?? {};
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    await page.setContent(pageFor(menu), { waitUntil: 'load' });
    // A string, because the project's type library has no DOM; the labels must not fall back to another font.
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.evaluate(FIT_LABELS);
    const png = await page.screenshot({ type: 'png', fullPage: false });
    await page.close();
    const problems = richMenuImageProblems(menu.request, png);
    if (problems.length > 0) throw new Error(`${menu.imagePath}: ${problems.join('; ')}`);
    await writeFile(menu.imagePath, png);
    console.log(
      `${relative(process.cwd(), menu.imagePath)}: ${width}×${height}, ${Math.round(png.byteLength / 1024)} KB`,
    );
  }
} finally {
  await browser.close();
}
