// What patrons write around the words of a search (ぐりとぐらの本ありますか, はらぺこあおむしを探して
// います, ぐりとぐらを予約したい): conversation/search-phrases.ts removes it from the end of the
// message before searching. Matched after NFKC, as typed (hiragana), longest first, again and
// again, so 「の本はありますか？」 is ？ + はありますか + の本.

/**
 * Endings removed wherever they stand last. Removing an ending only shortens the words, so a
 * title that ends with one (『ぼくにもそのあいをください』) is still found, among more titles.
 */
const ASKING = [
  'ありますでしょうか',
  'ありませんか',
  'ありますか',
  'あります',
  'ってある',
  'ってあるか',
  'はある',
  'はあるか',
  '置いてありますか',
  'おいてありますか',
  '置いてますか',
  'おいてますか',
  '読みたいです',
  '読みたい',
  '借りたいです',
  '借りたい',
  '探しています',
  'さがしています',
  '探してます',
  'さがしてます',
  '探してる',
  '探したい',
  'を探す',
  'はどこ',
  'どこですか',
  'どこ',
  'ください',
  'お願いします',
  'のですが',
  'んですが',
  'ですが',
  'ですか',
  'です',
  'の本',
  'という本',
  'っていう本',
  'って本',
] as const;

/**
 * Endings removed only from a question (a message ending with ？): many titles end with them
 * (『吾輩は猫である』), and a title typed whole must be searched whole.
 */
const QUESTION_ONLY = ['あるかな', 'あるか', 'ある'] as const;

/** Endings that also ask for a reservation: the search is followed by the reservation flow. */
const RESERVING = [
  '予約したいです',
  '予約したい',
  '予約できますか',
  '予約できる',
  '予約お願いします',
  '予約をお願いします',
  '予約してください',
  '予約します',
  '予約する',
] as const;

/**
 * Particles removed only after an ending was (ぐりとぐら|を|予約したい): a title may end with one
 * (『こんにちは』), and alone it says nothing.
 */
const PARTICLES = ['っていう', 'という', 'って', 'は', 'を', 'が', 'の'] as const;

export const SEARCH_PHRASES = {
  asking: ASKING,
  questionOnly: QUESTION_ONLY,
  reserving: RESERVING,
  particles: PARTICLES,
} as const;
