/**
 * One normaliser for catalog text and for search terms, so that a term matches a title
 * exactly when its normalised form is a substring of the title's normalised form.
 * The stored columns (bibs.norm_*) remember the version they were made with: change the
 * output of `normalizeForSearch` and bump NORMALIZER_VERSION, and the next start rebuilds them
 * (db/search-columns.ts).
 */
import { foldKanaVariants } from './kana-variants.js';
import { foldKanjiVariants } from './kanji-variants.js';

// 2: the title's reading (norm_kana) is searched too.
// 3: bibs.search_grams (domain/grams.ts) is made with the norm_* columns.
// 4: 異体字 and kana spelling variants are folded (domain/kanji-variants.ts, kana-variants.ts).
export const NORMALIZER_VERSION = 4;

// Invisible characters (C0/C1 controls incl. U+0000, which PostgreSQL text cannot hold; format
// characters such as zero-width spaces and BOM) and lone surrogates, which no encoder accepts.
const INVISIBLE = /[\p{Cc}\p{Cf}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

// Japanese titles are matched without spaces (「猫を棄てる 父親について」 and 「猫を棄てる父親
// について」 are one title); the middle dots and double hyphens that join the parts of foreign
// names do the same (ハンガー・ゲーム, アンデルセン・ハンス, ハンス＝クリスチャン): ・ (U+30FB; ･
// becomes it under NFKC), · (U+00B7), ‧ (U+2027), ゠ (U+30A0) and = (＝ becomes it).
const SEPARATORS = /[\s\u30FB\u00B7\u2027\u30A0=]/gu;

// Hiragana and the hiragana iteration marks; katakana is 0x60 above.
const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/gu;

// ー (U+30FC; ｰ becomes it under NFKC), ‐ ‑ ‒ – — ― (U+2010..2015), − (U+2212), ─ (U+2500),
// ASCII '-' (－ becomes it under NFKC): typed interchangeably by patrons and cataloguers
// (バッテリ－, こんぴゅーた, 2026ー2027). All become ー, wherever they stand. A rule by context
// ("ー after a kana, '-' elsewhere") breaks substring matching at the edge of a term: the term
// ード has lost the kana before its mark, so it would not find カード. Keeping hyphens apart from
// long-vowel marks is worth less than that; the columns are never shown to anyone. A ー that ends
// a katakana word is then dropped (kana-variants.ts), and with it a hyphen between digits.
const DASHES = /[\u30FC\u2010-\u2015\u2212\u2500-]/gu;

export function normalizeForSearch(s: string): string {
  const unspaced = s
    .replace(INVISIBLE, '')
    // NFKC: full-width ASCII → ASCII, half-width katakana → katakana (ｶﾞ → ガ).
    .normalize('NFKC')
    .toLowerCase()
    // Lower-casing can leave a string NFKC would still change (İ → i + U+0307 …).
    .normalize('NFKC')
    .replace(SEPARATORS, '');
  const plain = composed(unspaced)
    .replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(DASHES, '\u30FC');
  // Spelling last: its rules look at neighbours, which must already be katakana without spaces.
  return foldKanaVariants(foldKanjiVariants(plain));
}

// A space NFKC made (¨ is space + U+0308) or one between a letter and its mark is gone now:
// compose again, and drop the kana voicing marks left with nothing to voice (ッ゛), which a later
// step could otherwise join to a kana it makes (ッ → ツ, then ツ゛ → ヅ on the next run).
const ORPHAN_VOICING = /[\u3099\u309A]/gu;
const composed = (s: string) => s.normalize('NFKC').replace(ORPHAN_VOICING, '');

/** Escapes a value for a LIKE pattern written with `ESCAPE '\'`. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
