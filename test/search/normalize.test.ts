import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { materialTypeOfWord } from '../../src/domain/material-words.js';
import { escapeLike, normalizeForSearch as norm } from '../../src/domain/normalize.js';

describe('search normaliser', () => {
  it('full- and half-width forms are one: ＪａｖａＳｃｒｉｐｔ, ﾈｺ, ｶﾞｰﾃﾞﾝ', () => {
    expect(norm('ＪａｖａＳｃｒｉｐｔ')).toBe('javascript');
    expect(norm('ﾈｺ')).toBe('ネコ');
    expect(norm('ｶﾞｰﾃﾞﾝ')).toBe('ガーデン');
    expect(norm('１Ｑ８４')).toBe('1q84');
  });

  it('hiragana becomes katakana, so ねこ and ネコ are one word', () => {
    expect(norm('ねこ')).toBe(norm('ネコ'));
    expect(norm('ゝゞ')).toBe('ヽヾ');
    expect(norm('猫を棄てる')).toBe('猫ヲ棄テル');
  });

  it('every dash look-alike is one mark, so a long vowel typed as a hyphen still matches', () => {
    for (const d of ['ー', 'ｰ', '‐', '-', '–', '—', '―', '−', '－', '─']) {
      expect(norm(`バッテリ${d}ズ`)).toBe(norm('バッテリーズ'));
      expect(norm(`2026${d}2027`)).toBe(norm('2026-2027'));
    }
    expect(norm('こんぴゅーたー')).toBe(norm('コンピュータ'));
    // A mark that ends no katakana word goes: a hyphen between digits is no long vowel.
    expect(norm('4月-6月')).toBe('4月6月');
  });

  it('spaces of every width and the middle dot are dropped', () => {
    expect(norm('猫を棄てる　父親について 語る')).toBe('猫ヲ棄テル父親ニツイテ語ル');
    expect(norm('ハンガー・ゲーム')).toBe(norm('ハンガーゲーム'));
    expect(norm(' \t\n ')).toBe('');
  });

  it('control and invisible characters are dropped (U+0000 cannot reach PostgreSQL)', () => {
    expect(norm('猫\u0000の\u0007本\u200B\uFEFF')).toBe('猫ノ本');
    expect(norm('x\uD800y')).toBe('xy');
  });

  it('normalising twice changes nothing, and the result has no space or control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const once = norm(s);
        expect(norm(once)).toBe(once);
        expect(once).not.toMatch(/[\s\p{Cc}\p{Cf}\u30FB]/u);
      }),
      { numRuns: 2000 },
    );
  });

  it('a piece cut out of a title finds the title: the normalised piece is in the normalised title', () => {
    // No character here combines with its neighbour (ｶﾞ is one letter, ガ, and ｶ alone is not it),
    // nor is read with it (ヴァ, 霞ヶ関: docs/search.md).
    const alphabet = fc.constantFrom(
      'カ',
      'か',
      'ｶ',
      'ー',
      'ｰ',
      '-',
      '－',
      '―',
      'A',
      'ａ',
      '1',
      ' ',
      '　',
      '・',
      '猫',
      '%',
      '\u0000',
      // Spellings folded one character for one (kana-variants.ts, kanji-variants.ts).
      ...'ァッャヂヅヰ齋斎髙高澤沢國'.split(/(?:)/u),
    );
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 16 }), fc.nat(), fc.nat(), (parts, i, j) => {
        const from = i % parts.length;
        const to = from + 1 + (j % (parts.length - from));
        expect(norm(parts.join(''))).toContain(norm(parts.slice(from, to).join('')));
      }),
      { numRuns: 3000 },
    );
  });

  it('escapeLike escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('100%_\\x')).toBe('100\\%\\_\\\\x');
    expect(escapeLike('猫')).toBe('猫');
  });

  it('R-SRCH-1: material type words in Japanese or English, any width; unknown words name nothing', () => {
    expect(materialTypeOfWord('本')).toBe('book');
    expect(materialTypeOfWord('Book')).toBe('book');
    expect(materialTypeOfWord('ＣＤ')).toBe('cd');
    expect(materialTypeOfWord('ﾋﾞﾃﾞｵ')).toBe('video');
    expect(materialTypeOfWord('かせっと')).toBe('cassette');
    expect(materialTypeOfWord('紙芝居')).toBe('kamishibai');
    expect(materialTypeOfWord('雑誌')).toBe('magazine');
    expect(materialTypeOfWord('レコード')).toBeUndefined();
  });
});
