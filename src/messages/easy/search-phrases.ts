// What patrons write around the words of a search, with the kana children type (ぐりとぐらを
// よやくしたい, はらぺこあおむしを かりたい). Not in the table yet: conversation/search-phrases.ts reads
// ja's lists; the merge gives it these too (they only add endings, so nothing is lost).

import { SEARCH_PHRASES as JA } from '../ja/search-phrases.js';

const ASKING = [
  ...JA.asking,
  'よみたいです',
  'よみたい',
  'かりたいです',
  'かりたい',
  'さがしてる',
  'さがしたい',
  'をさがす',
  'のほん',
  'というほん',
  'っていうほん',
] as const;

const RESERVING = [
  ...JA.reserving,
  'よやくしたいです',
  'よやくしたい',
  'よやくできますか',
  'よやくできる',
  'よやくおねがいします',
  'よやくをおねがいします',
  'よやくしてください',
  'よやくします',
  'よやくする',
] as const;

export const SEARCH_PHRASES = {
  asking: ASKING,
  questionOnly: JA.questionOnly,
  reserving: RESERVING,
  particles: JA.particles,
} as const;
