// What patrons write around the words of a search in English ("do you have The Hobbit?", "I want to
// reserve Momo"). Not part of the `en` table: ja/search-phrases.ts has the same shape, and
// conversation/search-phrases.ts removes only ENDINGS; English puts these words first, so the
// `leading` lists wait for code that removes them from the start of the message.

/** Endings removed wherever they stand last; removing one only shortens the words searched. */
const ASKING = [', please', ' please', ' in the library', ' in stock'] as const;

/** Endings removed only from a question (a message ending with ?). */
const QUESTION_ONLY = [] as const;

/** Endings that also ask for a reservation. */
const RESERVING = [] as const;

/** Particles removed only after an ending was: none in English. */
const PARTICLES = [] as const;

/** Beginnings removed (longest first) before searching; a message that is only one is searched as typed. */
const LEADING_ASKING = [
  'do you have the book',
  'do you have',
  'have you got',
  "i'm looking for",
  'i am looking for',
  'looking for',
  'search for',
  'i want to read',
  'i want to borrow',
  "i'd like to borrow",
  'can i borrow',
] as const;

/** Beginnings that also ask for a reservation: the search is followed by the reservation flow. */
const LEADING_RESERVING = [
  'i want to reserve',
  "i'd like to reserve",
  'i would like to reserve',
  'can i reserve',
  'please reserve',
] as const;

export const SEARCH_PHRASES = {
  asking: ASKING,
  questionOnly: QUESTION_ONLY,
  reserving: RESERVING,
  particles: PARTICLES,
  leadingAsking: LEADING_ASKING,
  leadingReserving: LEADING_RESERVING,
} as const;
