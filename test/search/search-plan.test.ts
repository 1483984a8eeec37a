import { describe, expect, it } from 'vitest';
import { searchPlan } from '../../src/db/search-sql.js';
import { parseSearchQuery } from '../../src/domain/search-query.js';

/**
 * The rank term's place among a plan's gram needs: the class candidates (prefix, contains, other
 * field) narrow that need and keep the others, so a material word's need must stay where it is
 * (猫 絵本 read every title beginning with 猫 to find the picture books among them).
 */
describe('search plan', () => {
  const rankNeed = (text: string) => {
    const plan = searchPlan(parseSearchQuery(text))!;
    return plan.grams[plan.rank!.at];
  };
  const wordNeed = (g: string) => ({ all: [], anyOf: [[[g], [`a:${g}`], [`p:${g}`]]] });

  it('the rank term is the first word, after a material word’s need', () => {
    expect(rankNeed('猫')).toEqual(wordNeed('猫'));
    expect(rankNeed('猫 絵本')).toEqual(wordNeed('猫'));
    expect(rankNeed('絵本 猫')).toEqual(wordNeed('猫'));
    expect(rankNeed('紙芝居 猫 犬')).toEqual(wordNeed('猫'));
  });

  it('the rank term is the first title term when there is one, whatever comes before it', () => {
    expect(rankNeed('猫 書名:犬')).toEqual({ all: ['犬'], anyOf: [] });
    expect(rankNeed('絵本 猫 書名:犬')).toEqual({ all: ['犬'], anyOf: [] });
    expect(rankNeed('DVD 書名:犬')).toEqual({ all: ['犬'], anyOf: [] });
  });
});
