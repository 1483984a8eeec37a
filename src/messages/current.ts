// The message table of the language being written (src/lib/language.ts): what the conversation,
// notices, mails and patron pages import. Each export reads the current language's table when it
// is used, never when it is imported, so a reader must not copy a table value into a module-level
// constant (it would freeze the language of whoever loaded the module first).
//
// What the patron types is matched against every language's words at once (`typedWords`): a
// patron who set English may still type ヘルプ, and the language is never guessed from one word.

import { currentLanguage } from '../lib/language.js';
import { type Messages, messageTables } from './index.js';
import { SEARCH_PHRASES as EASY_SEARCH_PHRASES } from './easy/index.js';
import { SEARCH_PHRASES as EN_SEARCH_PHRASES } from './en/index.js';
import { SEARCH_PHRASES as JA_SEARCH_PHRASES } from './ja/index.js';

const tables: Readonly<Record<string, Messages>> = messageTables;

/** The current language's table (Japanese when the table has no such language). */
export function messages(): Messages {
  return tables[currentLanguage()] ?? messageTables.ja;
}

/** A section of the table that always answers from the current language's table. */
function section<K extends keyof Messages>(key: K): Messages[K] {
  return lazySection(() => messages()[key] as object) as Messages[K];
}

/** A part of a section (`lazySection(() => pages.login)`), read in the current language at each use. */
export function lazySection<T extends object>(now: () => T): T {
  return new Proxy(Object.create(null) as object, {
    get: (_t, prop) => Reflect.get(now(), prop),
    has: (_t, prop) => Reflect.has(now(), prop),
    ownKeys: () => Reflect.ownKeys(now()),
    getOwnPropertyDescriptor: (_t, prop) => {
      const d = Reflect.getOwnPropertyDescriptor(now(), prop);
      return d && { ...d, configurable: true };
    },
  }) as T;
}

/** A function of the table, called in the current language. */
function fn<K extends keyof Messages>(key: K): Messages[K] {
  return ((...args: unknown[]) => (messages()[key] as (...a: unknown[]) => unknown)(...args)) as Messages[K];
}

/** Every language's words of one list, merged: lists joined without repeats, records by key. */
function merged<T>(lists: readonly T[]): T {
  const [first] = lists;
  if (Array.isArray(first)) return [...new Set(lists.flatMap((l) => l as unknown[]))] as T;
  if (first && typeof first === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(first))
      out[k] = merged(lists.map((l) => (l as Record<string, unknown>)[k] ?? (first as Record<string, unknown>)[k]));
    return out as T;
  }
  return first as T;
}

function typedWords<K extends keyof Messages>(key: K): Messages[K] {
  return merged(Object.values(tables).map((t) => t[key]));
}

export const formatDate = fn('formatDate');
export const formatDateTime = fn('formatDateTime');
export const refusalMessage = fn('refusalMessage');
export const holdStatusLabel = fn('holdStatusLabel');
export const availabilityLabel = fn('availabilityLabel');
export const materialLabel = fn('materialLabel');
export const contactLabel = fn('contactLabel');
export const reservationConfirmationText = fn('reservationConfirmationText');
export const MAIL_SENDER_NOTICE = fn('mailSenderNotice');
export const walkInAdvice = fn('walkInAdvice');

export const TITLE_AVAILABILITY_LABELS = section('titleAvailabilityLabels');
export const COPY_STATE_LABELS = section('copyStateLabels');
export const intentAnswers = section('intentAnswers');
export const botMessages = section('botMessages');
export const chat = section('chat');
export const pagesChat = section('pagesChat');
export const patronChat = section('patronChat');
export const holdServices = section('holdServices');
export const holdServiceNotices = section('holdServiceNotices');
export const doneAlready = section('doneAlready');
export const noticeMessages = section('noticeMessages');
export const MAIL_NOT_ARRIVING = section('mailNotArriving');
export const mailText = section('mailText');
export const pages = section('pages');
export const accountPages = section('accountPages');
export const wishList = section('wishList');
export const offerMessages = section('offerMessages');
export const libraryCard = section('libraryCard');
export const familyCards = section('familyCards');
export const languageChoice = section('languageChoice');
export const cardWords = section('cardWords');

/** The current language's keywords, for the text a button sends when tapped. */
export const ownKeywords = section('keywords');

export const KEYWORDS = typedWords('keywords');
export const STOP_WHILE_WAITING = typedWords('stopWhileWaiting');
export const CHOICE_WORDS = typedWords('choiceWords');
export const INTENT_PHRASES = typedWords('intentPhrases');
export const INTENT_ENDINGS = typedWords('intentEndings');

/** The words around a search in every language; `leading` lists are what English puts first. */
interface SearchPhraseLists {
  asking: readonly string[];
  questionOnly: readonly string[];
  reserving: readonly string[];
  particles: readonly string[];
  leadingAsking?: readonly string[];
  leadingReserving?: readonly string[];
}
const searchPhraseLists: readonly SearchPhraseLists[] = [JA_SEARCH_PHRASES, EN_SEARCH_PHRASES, EASY_SEARCH_PHRASES];
const joined = (pick: (l: SearchPhraseLists) => readonly string[] | undefined): readonly string[] => [
  ...new Set(searchPhraseLists.flatMap((l) => pick(l) ?? [])),
];
export const SEARCH_PHRASES = {
  asking: joined((l) => l.asking),
  questionOnly: joined((l) => l.questionOnly),
  reserving: joined((l) => l.reserving),
  particles: joined((l) => l.particles),
  leadingAsking: joined((l) => l.leadingAsking),
  leadingReserving: joined((l) => l.leadingReserving),
} as const;
