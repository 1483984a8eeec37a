import { charFolder } from './char-folder.js';
import { KANJI_VARIANT_PAIRS } from './kanji-variants.generated.js';

/**
 * 異体字 folding: 齋 齊 → 斉, 髙 → 高, 邊 邉 → 辺, 澤 → 沢, 國 → 国. Each kanji of a group maps to
 * the group's one representative, which maps to itself, so folding is a function of one code
 * point: a folded piece of a title is a piece of the folded title. The groups and their sources
 * are made by scripts/kanji-variants.ts (docs/search.md).
 */
const FOLD = new Map<string, string>();
const chars = Array.from(KANJI_VARIANT_PAIRS);
for (let i = 0; i + 1 < chars.length; i += 2) FOLD.set(chars[i]!, chars[i + 1]!);

export const foldKanjiVariants: (s: string) => string = charFolder(FOLD);

/** The variants folded, as [variant, representative] (tests and docs). */
export const kanjiVariantPairs = (): [string, string][] => [...FOLD];
