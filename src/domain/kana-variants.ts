import { charFolder } from './char-folder.js';

/**
 * Kana spelling variants that patrons and catalogs mix, folded to one spelling (docs/search.md).
 * Text comes in NFKC'd, its hiragana already katakana, its spaces gone and its kanji folded. The
 * steps run in an order that keeps folding idempotent: none makes the context another looks at.
 * Most steps change one character whatever its neighbours, so a piece of a title still folds to
 * a piece of the folded title; the few that look at a neighbour (ヴァ, 霞ヶ関, a final ー) can miss
 * a term that cuts the pair in two (ァイオリン), which no patron types.
 */

// ヶ ヵ, and a ケ between two kanji, are the が / か of place names and counters (霞ヶ関 霞ケ関
// 霞が関, 一ヶ月 一ケ月 一か月): カ after a numeral, ガ elsewhere. A ケ between kanji is only taken
// after a numeral or before a kanji of place names: elsewhere it is okurigana (助け合い, お化け屋敷),
// and folding it would lose お化け. が itself is never touched: it is the particle (私が関わった).
const NUMERAL = '0-9〇一二三四五六七八九十百千万何数幾';
const PLACE = '関原丘岳谷崎浦島沢池森峰台瀬淵尾根里野坂江城窪作鼻浜岡袋宿峠洞';
const KE = new RegExp(
  `([${NUMERAL}])?[ヶヵ]|([${NUMERAL}])ケ(?=\\p{Script=Han})|(?<=\\p{Script=Han})ケ(?=[${PLACE}])`,
  'gu',
);
const foldKe = (_: string, beforeSmall?: string, beforeLarge?: string) => {
  const numeral = beforeSmall ?? beforeLarge;
  return numeral === undefined ? 'ガ' : `${numeral}カ`;
};

// ヴァ ヴィ ヴェ ヴォ → バ ビ ベ ボ, any other ヴ → ブ (ヴュ → ブュ → ブユ is wrong: ビュ).
const VU = /ヴ([ァィェォュ]?)/gu;
const VU_SYLLABLE: Record<string, string> = { ァ: 'バ', ィ: 'ビ', ェ: 'ベ', ォ: 'ボ', ュ: 'ビュ', '': 'ブ' };

// One character for another: small kana as large (キヤノン, ウイスキー, シヨウ in old catalogs),
// ヂ ヅ as ジ ズ, the old ヰ ヱ as イ エ, ヷ..ヺ as バ ビ ベ ボ.
const SAME = new Map(
  Object.entries({
    ァ: 'ア',
    ィ: 'イ',
    ゥ: 'ウ',
    ェ: 'エ',
    ォ: 'オ',
    ッ: 'ツ',
    ャ: 'ヤ',
    ュ: 'ユ',
    ョ: 'ヨ',
    ヮ: 'ワ',
    ヂ: 'ジ',
    ヅ: 'ズ',
    ヰ: 'イ',
    ヱ: 'エ',
    ヷ: 'バ',
    ヸ: 'ビ',
    ヹ: 'ベ',
    ヺ: 'ボ',
    ㇰ: 'ク',
    ㇱ: 'シ',
    ㇲ: 'ス',
    ㇳ: 'ト',
    ㇴ: 'ヌ',
    ㇵ: 'ハ',
    ㇶ: 'ヒ',
    ㇷ: 'フ',
    ㇸ: 'ヘ',
    ㇹ: 'ホ',
    ㇺ: 'ム',
    ㇻ: 'ラ',
    ㇼ: 'リ',
    ㇽ: 'ル',
    ㇾ: 'レ',
    ㇿ: 'ロ',
  }),
);
const foldSame = charFolder(SAME);

// A long-vowel mark that ends a katakana word is dropped (コンピューター = コンピュータ, サーバー =
// サーバ, JIS Z 8301's spellings); one inside a word stays, so ビール is not ビル. The dashes typed
// for it are ー already (normalize.ts), so a hyphen between digits or letters goes too (978-4, e-mail).
// Before a combining mark (ー\u0308) it stays: dropping it would join the mark to the letter before.
const FINAL_LONG_VOWEL = /ー+(?![\u30A1-\u30FA\u30FC-\u30FF\p{M}])/gu;

/** The folding of katakana text; see the file's comment. */
export function foldKanaVariants(s: string): string {
  // Most text has none of the characters a step looks for: a search for one is cheaper than the step.
  let out = s.includes('ー') ? s.replace(FINAL_LONG_VOWEL, '') : s;
  if (out.includes('ケ') || out.includes('ヶ') || out.includes('ヵ')) out = out.replace(KE, foldKe);
  if (out.includes('ヴ')) out = out.replace(VU, (_, small: string) => VU_SYLLABLE[small]!);
  return foldSame(out);
}
