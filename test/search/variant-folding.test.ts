import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKanaVariants } from '../../src/domain/kana-variants.js';
import { foldKanjiVariants, kanjiVariantPairs } from '../../src/domain/kanji-variants.js';
import { normalizeForSearch as norm } from '../../src/domain/normalize.js';
import { KANA_PAIRS, KANJI_PAIRS, pairs } from './variant-pairs.js';

const same = (a: string, b: string) => expect(norm(a), `${a} / ${b}`).toBe(norm(b));
const apart = (a: string, b: string) => expect(norm(a), `${a} / ${b}`).not.toBe(norm(b));

describe('異体字 folding', () => {
  it('R-SRCH-1: the names patrons are known to mix are one: 斉藤 齋藤 齊藤 斎藤, 高橋 髙橋, 渡辺 渡邊 渡邉 …', () => {
    for (const group of [
      ['斉藤', '齋藤', '齊藤', '斎藤'],
      ['高橋', '髙橋'],
      ['渡辺', '渡邊', '渡邉'],
      ['沢', '澤'],
      ['竜', '龍'],
      ['桜', '櫻'],
      ['浜', '濱', '濵'],
      ['国', '國'],
      ['山崎', '山﨑'],
      ['吉田', '𠮷田'],
      ['徳', '德'],
      ['島', '嶋', '嶌'],
    ])
      for (const w of group) same(w, group[0]!);
  });

  it('R-SRCH-1: the hand-written table of 異体字 pairs folds pair by pair', () => {
    for (const [a, b] of pairs(KANJI_PAIRS)) same(a, b);
  });

  it('R-SRCH-1: old forms that today are one kanji fold to it, though they were words apart (弁, 芸, 欠, 余, 予)', () => {
    for (const w of ['辨', '辯', '瓣']) same(w, '弁');
    same('藝', '芸');
    same('缺', '欠');
    same('餘', '余');
    same('豫', '予');
  });

  it('R-SRCH-1: kanji that are words of their own in Japanese stay apart, though a dictionary pairs them', () => {
    for (const [a, b] of [
      ['埼', '崎'],
      ['後', '后'],
      ['機', '机'],
      ['葉', '叶'],
      ['乾', '幹'],
      ['称', '秤'],
      ['浜', '瀕'],
      ['将', '疆'],
      ['卓', '棹'],
      ['予', '余'],
      ['個', '箇'],
      ['着', '著'],
      ['准', '準'],
      ['中', '塚'],
      ['館', '官'],
    ])
      apart(a!, b!);
  });

  it('folding is a function: each kanji has one representative, which is its own', () => {
    const table = kanjiVariantPairs();
    expect(table.length).toBeGreaterThan(900);
    const keys = new Set(table.map(([k]) => k));
    expect(keys.size).toBe(table.length);
    for (const [variant, rep] of table) {
      expect(keys.has(rep), `${variant} → ${rep}`).toBe(false);
      expect(foldKanjiVariants(rep)).toBe(rep);
      // NFKC runs first: a variant it would change could never be looked up.
      expect(variant.normalize('NFKC')).toBe(variant);
    }
  });
});

describe('kana spelling folding', () => {
  it('R-SRCH-1: the hand-written table of kana spelling pairs folds pair by pair', () => {
    for (const [a, b] of pairs(KANA_PAIRS)) same(a, b);
  });

  it('ヴ syllables are the バ row: ヴァ ヴィ ヴ ヴェ ヴォ ヴュ', () => {
    expect(['ヴァ', 'ヴィ', 'ヴ', 'ヴェ', 'ヴォ', 'ヴュ'].map(norm)).toEqual(['バ', 'ビ', 'ブ', 'ベ', 'ボ', 'ビユ']);
  });

  it('a ー ending a katakana word goes, one inside a word stays: ビール is not ビル', () => {
    same('コンピューター', 'コンピュータ');
    same('コンピューター入門', 'コンピュータ入門');
    apart('ビール', 'ビル');
    apart('カード', 'カド');
    expect(norm('スーパーマーケット')).toBe('スーパーマーケツト');
  });

  it('ヶ and a ケ between kanji are が or か; okurigana け and the particle が are left alone', () => {
    same('霞ヶ関', '霞が関');
    same('鎌ケ谷', '鎌ヶ谷');
    same('一ヶ月', '一か月');
    same('3ヵ月', '3か月');
    // けis okurigana here: お化け must still find お化け屋敷 and お化けの本.
    expect(norm('お化け屋敷')).toContain(norm('お化け'));
    expect(norm('お化けの本')).toContain(norm('お化け'));
    expect(norm('助け合い')).toContain(norm('助け'));
    // が is the particle here: 私が finds 私が関わった.
    expect(norm('私が関わった')).toContain(norm('私が'));
    expect(norm('苺ケーキ')).toContain(norm('ケーキ'));
  });

  it('normalising twice changes nothing, whatever the mix of kana, kanji, marks and digits', () => {
    const alphabet = fc.constantFrom(
      ...'ヴゔァィゥェォッャュョヮヵヶケけがかカ霞関一谷助合ーｰ-・ 1ウヂヅヰヱヷ𠮷齋藤澤ﾞｳﾞ¨\u0301\u3099ae'.split(
        /(?:)/u,
      ),
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 16 }), (parts) => {
        const once = norm(parts.join(''));
        expect(norm(once)).toBe(once);
        expect(foldKanaVariants(once)).toBe(once);
        expect(foldKanjiVariants(once)).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });
});
