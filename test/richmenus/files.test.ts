import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { richMenuProblems } from '../../src/line/rich-menu-rules.js';
import { loadRichMenus, prepareRichMenu, RICH_MENUS_DIR } from '../../src/line/rich-menus.js';

/**
 * richmenus/*.json and *.png as committed: within LINE's limits (checked here on their own terms,
 * not only through the project's validator) and carrying the words CONTRACT.md promises.
 */
type Area = {
  bounds: { x: number; y: number; width: number; height: number };
  action: { type: string; label?: string; text?: string };
};
type MenuJson = {
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: Area[];
};

const FILES = ['logged-out', 'logged-in'] as const;
/** Issue 28: the same menus in English and やさしい日本語 (test/richmenus/languages.test.ts checks their words). */
const ALL_FILES = [...FILES, 'logged-out-en', 'logged-in-en', 'logged-out-easy', 'logged-in-easy'] as const;
/** CONTRACT.md, "What a patron sees": the words that start a conversation when typed. */
const TYPED_WORDS = [
  '蔵書検索',
  'ご利用状況',
  '利用状況',
  'ログイン',
  'ログアウト',
  'パスワード変更',
  'メールアドレス登録',
  'ヘルプ',
  // Issue 27: the library card's barcode (KEYWORDS.libraryCard), on the logged-in menu only.
  '利用者カード',
];
const readJson = async (alias: string) =>
  JSON.parse(await readFile(`${RICH_MENUS_DIR}${alias}.json`, 'utf8')) as MenuJson;
const labels = (m: MenuJson) => m.areas.map((a) => a.action.label);
/** The validator takes the SDK's request type; the JSON here is typed loosely on purpose, as read from disk. */
const problemsOf = (m: MenuJson) => richMenuProblems(m as unknown as Parameters<typeof richMenuProblems>[0]);

describe.each(ALL_FILES)('richmenus/%s.json', (alias) => {
  it(
    "is within LINE's limits: size, areas inside the menu and " +
      'not overlapping, ≤ 20 areas, labels ≤ 20, chatBarText ≤ 14',
    async () => {
      const m = await readJson(alias);
      expect(m.size).toEqual({ width: 2500, height: 1686 });
      expect(m.selected).toBe(false);
      expect(m.chatBarText.length).toBeGreaterThan(0);
      expect(m.chatBarText.length).toBeLessThanOrEqual(14);
      expect(m.areas.length).toBeGreaterThan(0);
      expect(m.areas.length).toBeLessThanOrEqual(20);
      for (const { bounds: b } of m.areas) {
        expect(b.x >= 0 && b.y >= 0 && b.width > 0 && b.height > 0).toBe(true);
        expect(b.x + b.width).toBeLessThanOrEqual(m.size.width);
        expect(b.y + b.height).toBeLessThanOrEqual(m.size.height);
      }
      m.areas.forEach((a, i) => {
        for (const o of m.areas.slice(i + 1)) {
          const apart =
            a.bounds.x + a.bounds.width <= o.bounds.x ||
            o.bounds.x + o.bounds.width <= a.bounds.x ||
            a.bounds.y + a.bounds.height <= o.bounds.y ||
            o.bounds.y + o.bounds.height <= a.bounds.y;
          expect(apart, `${a.action.label} overlaps ${o.action.label}`).toBe(true);
        }
      });
      // Non-overlapping areas whose sizes add up to the menu's leave no dead spot to tap.
      expect(m.areas.reduce((s, a) => s + a.bounds.width * a.bounds.height, 0)).toBe(m.size.width * m.size.height);
      expect(problemsOf(m)).toEqual([]);
    },
  );

  it('every area is a message action labelled with the word it sends (≤ 20 characters), no two alike', async () => {
    const m = await readJson(alias);
    for (const { action } of m.areas) {
      expect(action.type).toBe('message');
      expect(action.label).toBe(action.text);
      expect(action.label!.length).toBeLessThanOrEqual(20);
    }
    expect(new Set(labels(m)).size).toBe(m.areas.length);
  });

  it('its PNG is 2500×1686 (IHDR) and under 1 MB', async () => {
    const png = await readFile(`${RICH_MENUS_DIR}${alias}.png`);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 2500, height: 1686 });
    expect(png.byteLength).toBeLessThan(1_000_000);
  });
});

describe('the words of CONTRACT.md on the menus', () => {
  it.each(FILES)('%s: every area sends a typed word of CONTRACT.md', async (alias) => {
    for (const { action } of (await readJson(alias)).areas) expect(TYPED_WORDS).toContain(action.text);
  });

  it('logged out: 蔵書検索, ご利用状況 and ログイン (no ログアウト)', async () => {
    const l = labels(await readJson('logged-out'));
    expect(l).toEqual(expect.arrayContaining(['蔵書検索', 'ご利用状況', 'ログイン']));
    expect(l).not.toContain('ログアウト');
  });

  it('logged in: 蔵書検索, ご利用状況 and ログアウト (no ログイン)', async () => {
    const l = labels(await readJson('logged-in'));
    expect(l).toEqual(expect.arrayContaining(['蔵書検索', 'ご利用状況', 'ログアウト']));
    expect(l).not.toContain('ログイン');
  });

  it('issue 27: 利用者カード only on the logged-in menu (logged out it could only ask to log in)', async () => {
    expect(labels(await readJson('logged-in'))).toContain('利用者カード');
    expect(labels(await readJson('logged-out'))).not.toContain('利用者カード');
  });
});

describe('richMenuProblems catches what LINE would refuse', () => {
  const base = (areas: Area[]): MenuJson => ({
    size: { width: 2500, height: 843 },
    selected: false,
    name: 'kamagaya-x',
    chatBarText: 'メニュー',
    areas,
  });
  const area = (x: number, y: number, width: number, height: number, label = '蔵書検索'): Area => ({
    bounds: { x, y, width, height },
    action: { type: 'message', label, text: label },
  });

  it('overlap, an area leaving the menu, a long label, a long chat bar text, too many areas', () => {
    expect(problemsOf(base([area(0, 0, 1300, 843), area(1250, 0, 1250, 843)])).join()).toMatch(/overlaps/);
    expect(problemsOf(base([area(2000, 0, 600, 843)])).join()).toMatch(/leave the menu/);
    expect(problemsOf(base([area(0, 0, 100, 100, 'あ'.repeat(21))])).join()).toMatch(/label/);
    expect(problemsOf({ ...base([area(0, 0, 100, 100)]), chatBarText: 'あ'.repeat(15) }).join()).toMatch(/chatBarText/);
    const many = Array.from({ length: 21 }, (_, i) => area(i * 100, 0, 100, 100));
    expect(problemsOf(base(many)).join()).toMatch(/21 areas/);
  });
});

describe('loadRichMenus', () => {
  it('names each menu after its JSON name and a hash of JSON and PNG; another image, another name', async () => {
    const menus = await loadRichMenus();
    // By file name: `-` sorts before `.`, so logged-in-easy.json comes before logged-in.json.
    expect(menus.map((m) => m.alias)).toEqual([
      'logged-in-easy',
      'logged-in-en',
      'logged-in',
      'logged-out-easy',
      'logged-out-en',
      'logged-out',
    ]);
    const m = menus.find((x) => x.alias === 'logged-in')!;
    expect(m.deployedName).toBe(`kamagaya-logged-in#${m.hash}`);
    expect(prepareRichMenu(m.alias, m.request, m.image).deployedName).toBe(m.deployedName);
    expect(prepareRichMenu(m.alias, m.request, Buffer.concat([m.image, Buffer.from([0])])).deployedName).not.toBe(
      m.deployedName,
    );
  });
});
