// R-SER-1 (issue 26; docs/wish-list.md): volumes of a multi-volume work. The catalog has no volume
// field: a volume is written in the title, as the library's records write it (「ノルウェイの森 上」,
// 「1Q84 BOOK1 4月-6月」, 「ワンピース 3」, 「〇〇 第2巻」, 「〇〇 vol.2」, 「〇〇（2）」). When a patron borrows
// or collects volume N, the next volume of the same work (same stem, same author) is offered as a
// hold to place with one tap.

/** 上・中・下 as numbers, so 上 → 中 → 下 and 上 → 下 (no 中) both follow. */
const PARTS: Record<string, number> = { 上: 1, 中: 2, 下: 3, 前: 1, 後: 3 };

export interface Volume {
  /** The work's name: the title without the volume, normalised for comparing. */
  stem: string;
  volume: number;
}

/** Titles and authors compared as the series rule compares them: NFKC, one space, lower case. */
export const foldVolumeText = (s: string | null) =>
  (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const fold = foldVolumeText;

const PATTERNS: [RegExp, (m: RegExpMatchArray) => number | undefined][] = [
  // 上 / 下巻 / （上）
  [/^(.+?)\s*[(（]?([上中下前後])(?:巻|編)?[)）]?$/u, (m) => PARTS[m[2]!]],
  // 第2巻, 2巻
  [/^(.+?)\s*第?(\d{1,4})巻$/u, (m) => Number(m[2])],
  // vol.2, vol 2, volume 2
  [/^(.+?)\s*(?:vol(?:ume)?\.?)\s*(\d{1,4})$/iu, (m) => Number(m[2])],
  // BOOK1 4月-6月 (the words after the number are the volume's own subtitle)
  [/^(.+?)\s*book\s*(\d{1,4})(?:\s.*)?$/iu, (m) => Number(m[2])],
  // （2）, (2)
  [/^(.+?)\s*[(（](\d{1,4})[)）]$/u, (m) => Number(m[2])],
  // ワンピース 3 (a number alone after a space)
  [/^(.+?)\s+(\d{1,3})$/u, (m) => Number(m[2])],
];

/** The volume a title names, or null for a title that is not a volume of a work. */
export function volumeOf(title: string): Volume | null {
  const t = fold(title);
  for (const [re, num] of PATTERNS) {
    const m = t.match(re);
    const n = m ? num(m) : undefined;
    if (m && n !== undefined && n > 0) {
      const stem = m[1]!.trim();
      if (stem.length > 0) return { stem, volume: n };
    }
  }
  return null;
}

export interface VolumeCandidate {
  bibId: string;
  title: string;
  author: string | null;
}

/**
 * R-SER-1: the next volume after `current` among the catalog's titles: the same work (stem) by the
 * same author, the smallest volume above the current one (上 → 中, or 下 when there is no 中).
 */
export function nextVolume(
  current: { title: string; author: string | null },
  candidates: readonly VolumeCandidate[],
): VolumeCandidate | null {
  const v = volumeOf(current.title);
  if (!v) return null;
  const author = fold(current.author ?? '');
  let best: { c: VolumeCandidate; n: number } | null = null;
  for (const c of candidates) {
    const cv = volumeOf(c.title);
    if (!cv || cv.stem !== v.stem || fold(c.author ?? '') !== author || cv.volume <= v.volume) continue;
    if (!best || cv.volume < best.n) best = { c, n: cv.volume };
  }
  return best?.c ?? null;
}
