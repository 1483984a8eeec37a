import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classificationGram, searchGrams, startGram, TAG, tagged, termGrams } from '../../src/domain/grams.js';
import { normalizeForSearch } from '../../src/domain/normalize.js';

const doc = (title: string, extra: Partial<Parameters<typeof searchGrams>[0]> = {}) =>
  new Set(
    searchGrams({
      title: normalizeForSearch(title),
      kana: '',
      author: '',
      publisher: '',
      classification: null,
      materialType: 'book',
      ...extra,
    }),
  );
const includesAll = (set: Set<string>, grams: string[]) => grams.every((g) => set.has(g));

// Characters a patron or a catalog may type: kana of both widths, kanji, ASCII with LIKE's
// wildcards, dashes, spaces, an emoji (two UTF-16 units), a CJK extension kanji.
const piece = fc.constantFrom(
  'ね',
  'こ',
  'ネ',
  'ｺ',
  'ﾈ',
  '猫',
  '犬',
  'の',
  'A',
  'a',
  'Ｂ',
  '%',
  '_',
  '\\',
  '-',
  'ー',
  ' ',
  '　',
  '😀',
  '𠮷',
  '1',
  '１',
);
const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));

describe('the gram tokeniser (one for titles and queries)', () => {
  it('a title containing a term has every gram of the term: the index never misses', () => {
    fc.assert(
      fc.property(text, text, text, (before, term, after) => {
        const t = normalizeForSearch(term);
        fc.pre(t !== '');
        const grams = doc(before + term + after);
        // Normalising the whole title may join the term's edges with its neighbours (ｶ + ﾞ);
        // the property is about the normalised texts, as the SQL compares them.
        fc.pre(normalizeForSearch(before + term + after).includes(t));
        expect(includesAll(grams, termGrams(t))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('one character is its own gram; longer terms are their pairs, counted in code points', () => {
    expect(termGrams('猫')).toEqual(['猫']);
    expect(termGrams('😀')).toEqual(['😀']);
    expect(termGrams('ネコノ')).toEqual(['ネコ', 'コノ']);
    expect(termGrams('𠮷野家')).toEqual(['𠮷野', '野家']);
    expect(termGrams('ネネネ')).toEqual(['ネネ']);
  });

  it('fields are kept apart: author and publisher grams are tagged, title and reading bare', () => {
    const g = doc('猫', { kana: 'ネコ', author: 'ナツメ', publisher: '新潮社' });
    expect(g.has('猫') && g.has('ネコ')).toBe(true);
    expect(g.has('ナツ')).toBe(false);
    expect(includesAll(g, tagged(TAG.author, termGrams('ナツメ')))).toBe(true);
    expect(includesAll(g, tagged(TAG.publisher, termGrams('新潮')))).toBe(true);
    // Pairs never span two fields.
    expect(g.has('猫ネ')).toBe(false);
  });

  it('a title and its reading have start grams; classification prefixes and material type are grams', () => {
    const g = doc('猫の島', { kana: 'ネコノシマ', classification: ' 645.7 ', materialType: 'book' });
    const start = (t: string) => g.has(startGram(normalizeForSearch(t)));
    expect([start('猫の'), start('ねこ'), start('猫'), start('ネ')]).toEqual([true, true, true, true]);
    expect(start('の島')).toBe(false);
    for (const prefix of ['6', '64', '645', '645.', '645.7']) expect(g.has(classificationGram(prefix)!)).toBe(true);
    expect(classificationGram('645.7000000')).toBe(classificationGram('645.7000'));
    expect(classificationGram('ｃ')).toBeUndefined();
    expect(g.has(`${TAG.materialType}book`)).toBe(true);
  });

  it('no tagged gram equals a bare one', () => {
    fc.assert(
      fc.property(text, text, (t, a) => {
        const bare = new Set(doc(t));
        const withAuthor = doc(t, { author: normalizeForSearch(a) });
        for (const g of withAuthor)
          if (!bare.has(g))
            expect(Array.from(g).length >= 3 || g.startsWith(TAG.start) || g.startsWith(TAG.materialType)).toBe(true);
      }),
    );
  });
});
