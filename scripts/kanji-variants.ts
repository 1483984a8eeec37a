/**
 * Makes src/domain/kanji-variants.generated.ts, the 異体字 folding of the search normaliser:
 * `npx tsx scripts/kanji-variants.ts [UNIHAN_DIR]` (default /usr/share/unicode, Debian's
 * unicode-data; Unihan_*.txt or .txt.bz2). What it reads, and why (docs/search.md):
 * - 常用漢字表 (2010) の括弧内の旧字体 (scripts/kanji-variants/joyo-kyujitai.txt), Unihan's
 *   kJinmeiyoKanji (人名用漢字の異体字) and kJoyoKanji (許容字体): the government's own pairs.
 * - scripts/kanji-variants/supplement.txt: name variants and old printed forms that the sources
 *   above lack or the rules below hold back, each with a reason.
 * - Unihan kSemanticVariant joining a kanji used in Japan but outside JIS X 0208 (JIS X
 *   0212/0213, IBM extension, a J source: 髙 﨑 德 濵) to one inside it; kZVariant the same, and
 *   also joining a form no Japanese standard codes (說 戶 稅) to a kanji used in Japan.
 * Not read: Chinese simplification (kSimplifiedVariant / kTraditionalVariant), which merges what
 * Japanese keeps apart (後/后, 機/机, 葉/叶, 乾/幹/干); kSpecializedSemanticVariant (中/塚, 才/財);
 * kSpoofingVariant (look-alikes).
 * The folding is a function: every kanji of a group maps to one representative (常用, else JIS
 * level 1, else 人名用, else JIS level 2, else the lowest code point), the groups are the
 * transitive closure of the pairs, and no group holds two 常用漢字 (two words of today's
 * Japanese) unless ALLOWED_JOYO_MERGES says so: a pair that would do it is left out and listed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/usr/share/unicode';
const OUT = 'src/domain/kanji-variants.generated.ts';
const HERE = 'scripts/kanji-variants';

/** Pairs of 常用漢字 folded together on purpose: surnames written either way by the same family. */
const ALLOWED_JOYO_MERGES = [['斉', '斎']];

function readUnihan(name: string): string {
  const plain = join(dir, `Unihan_${name}.txt`);
  if (existsSync(plain)) return readFileSync(plain, 'utf8');
  return execFileSync('bzcat', [`${plain}.bz2`], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

const header = (text: string) => ({
  date: /^# Date: (.*)$/m.exec(text)?.[1] ?? '?',
  version: /^# Unicode version: (.*)$/m.exec(text)?.[1] ?? '?',
});

const cp = (u: string) => String.fromCodePoint(Number.parseInt(u.replace(/^U\+/, '').replace(/<.*$/, ''), 16));
const props = new Map<string, Map<string, string>>();
function load(text: string): void {
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [u, field, value] = line.split('\t') as [string, string, string];
    const c = cp(u);
    const m = props.get(c) ?? new Map<string, string>();
    props.set(c, m);
    m.set(field, value);
  }
}
const variantsText = readUnihan('Variants');
load(variantsText);
load(readUnihan('OtherMappings'));
load(readUnihan('IRGSources'));
const prop = (c: string, f: string) => props.get(c)?.get(f);

const JAPANESE = ['kJis0', 'kJis1', 'kJIS0213', 'kIBMJapan', 'kIRG_JSource', 'kJoyoKanji', 'kJinmeiyoKanji'];
const isJapanese = (c: string) => JAPANESE.some((f) => prop(c, f) !== undefined);
const isJoyo = (c: string) => prop(c, 'kJoyoKanji') === '2010';
const jisRow = (c: string) => {
  const v = prop(c, 'kJis0');
  return v === undefined ? undefined : Math.floor(Number(v) / 100);
};
function rank(c: string): number {
  const row = jisRow(c);
  if (isJoyo(c)) return 0;
  if (row !== undefined && row < 48) return 1;
  if (prop(c, 'kJinmeiyoKanji') === '2010') return 2;
  if (row !== undefined) return 3;
  return isJapanese(c) ? 4 : 5;
}
const better = (a: string, b: string) => {
  const d = rank(a) - rank(b);
  return d !== 0 ? d < 0 : a.codePointAt(0)! < b.codePointAt(0)!;
};

// Union-find over characters; each root keeps its group's 常用漢字.
const parent = new Map<string, string>();
const joyo = new Map<string, Set<string>>();
function find(c: string): string {
  let r = c;
  while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
  if (!parent.has(c)) {
    parent.set(c, c);
    joyo.set(c, new Set(isJoyo(c) ? [c] : []));
  }
  return r;
}
const allowed = (js: Set<string>) =>
  js.size <= 1 || ALLOWED_JOYO_MERGES.some((pair) => [...js].every((j) => pair.includes(j)));

const refused: string[] = [];
const holdsJis0208 = (root: string) =>
  [...parent.keys()].some((c) => find(c) === root && prop(c, 'kJis0') !== undefined);
const counts = new Map<string, number>();
function pair(a: string, b: string, source: string): void {
  if (a === b) return;
  // NFKC runs before the fold: a compatibility ideograph never reaches it.
  if (a.normalize('NFKC') !== a || b.normalize('NFKC') !== b) return;
  const ra = find(a);
  const rb = find(b);
  if (ra === rb) return;
  const js = new Set([...joyo.get(ra)!, ...joyo.get(rb)!]);
  if (!allowed(js)) {
    refused.push(`${a}-${b} (${source}: would fold ${[...js].join('')})`);
    return;
  }
  parent.set(rb, ra);
  joyo.set(ra, js);
  counts.set(source, (counts.get(source) ?? 0) + 1);
}

const listFile = (name: string) =>
  readFileSync(join(HERE, name), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split(' '));

// The official pairs first, so that a doubtful Unihan pair cannot take their place.
for (const [shin, ...kyu] of listFile('joyo-kyujitai.txt')) for (const k of kyu) pair(shin!, k, '常用漢字表');
for (const [c, m] of props) {
  const j = m.get('kJinmeiyoKanji');
  if (j?.includes(':')) pair(cp(j.split(':')[1]!), c, 'kJinmeiyoKanji');
  const y = m.get('kJoyoKanji');
  if (y?.startsWith('U+')) pair(cp(y), c, 'kJoyoKanji');
}
for (const [from, to] of listFile('supplement.txt')) pair(to!, from!, 'supplement');
// A Unihan pair only joins a kanji outside JIS X 0208 (髙, 﨑, 德: glyph variants that names carry)
// to one inside it, and never two groups that each hold a JIS X 0208 kanji: the dictionaries
// behind kSemanticVariant pair characters that Japanese keeps as words of their own (称/秤, 濱/瀕,
// 將/疆), and where two JIS X 0208 kanji are variants in Japanese the official lists above say so.
const inJis0208 = (c: string) => prop(c, 'kJis0') !== undefined;
for (const field of ['kZVariant', 'kSemanticVariant'])
  for (const [c, m] of props) {
    for (const u of (m.get(field) ?? '').split(' ').filter(Boolean)) {
      const v = cp(u);
      // A z-variant is the same character drawn otherwise (說 説, 戶 戸): one side used in Japan is
      // enough, and the other is the form old books print.
      const japanese = field === 'kZVariant' ? isJapanese(c) || isJapanese(v) : isJapanese(c) && isJapanese(v);
      if (!japanese || inJis0208(c) === inJis0208(v)) continue;
      const [rc, rv] = [find(c), find(v)];
      if (rc !== rv && holdsJis0208(rc) && holdsJis0208(rv)) {
        refused.push(`${c}-${v} (${field}: would join two JIS X 0208 groups)`);
        continue;
      }
      pair(c, v, field);
    }
  }

// Each group's representative, then every member that is not it.
const groups = new Map<string, string[]>();
for (const c of parent.keys()) {
  const r = find(c);
  groups.set(r, [...(groups.get(r) ?? []), c]);
}
const fold: [string, string][] = [];
for (const members of groups.values()) {
  const rep = members.reduce((a, b) => (better(b, a) ? b : a));
  for (const m of members) if (m !== rep) fold.push([m, rep]);
}
fold.sort((a, b) => a[0].codePointAt(0)! - b[0].codePointAt(0)!);

const PER_LINE = 25;
const lines: string[] = [];
for (let i = 0; i < fold.length; i += PER_LINE)
  lines.push(
    `  '${fold
      .slice(i, i + PER_LINE)
      .map(([a, b]) => a + b)
      .join('')}',`,
  );
const { date, version } = header(variantsText);
writeFileSync(
  OUT,
  `// Generated by scripts/kanji-variants.ts: do not edit; change the script or its lists and run it again.
// Sources: Unihan_Variants.txt, Unihan_OtherMappings.txt, Unihan_IRGSources.txt of Unicode ${version}
// (Unihan_Variants.txt dated ${date}); 常用漢字表 (平成22年内閣告示第2号) 括弧内の字体
// (scripts/kanji-variants/joyo-kyujitai.txt); scripts/kanji-variants/supplement.txt.
// ${fold.length} kanji folded to ${new Set(fold.map((f) => f[1])).size} representatives; rules in docs/search.md.

/** Pairs of a variant and its group's representative, one after the other. */
export const KANJI_VARIANT_PAIRS = [
${lines.join('\n')}
].join('');
`,
);
console.log(`${fold.length} kanji folded into ${new Set(fold.map((f) => f[1])).size} representatives`);
console.log([...counts].map(([s, n]) => `${s}: ${n} pairs joined`).join('\n'));
console.log(`${refused.length} pairs left out:\n${refused.join('\n')}`);
if (process.env.SHOW_GROUPS)
  for (const members of groups.values()) if (members.length > 1) console.log(members.join(''));
