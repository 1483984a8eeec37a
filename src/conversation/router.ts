import type { Input } from './input.js';
import { KEYWORDS, STOP_WHILE_WAITING } from '../messages/current.js';
import { looksLikeCredentials } from './credentials-like.js';
import { matchIntent, phraseMatcher, type Intent } from './intents.js';
import { decodePostback, type Postback } from './postback.js';
import { searchPhrase } from './search-phrases.js';

export interface Route {
  flow: string;
  step: string;
  postback?: Postback;
  /** Start afresh: the stored state is not given to the step. */
  fresh: boolean;
  /** A keyword or a follow: whatever was in progress is over. */
  resets: boolean;
}

const keywordRoutes: [readonly string[], string, string][] = [
  [KEYWORDS.search, 'search', 'guide'],
  [KEYWORDS.help, 'help', 'show'],
  [KEYWORDS.stop, 'help', 'stop'],
  [KEYWORDS.status, 'status', 'show'],
  [KEYWORDS.login, 'login', 'start'],
  [KEYWORDS.logout, 'logout', 'confirm'],
  [KEYWORDS.passwordChange, 'pages', 'password'],
  [KEYWORDS.emailRegistration, 'pages', 'email'],
  [KEYWORDS.services, 'pages', 'menu'],
  [KEYWORDS.renewAll, 'renew-all', 'start'],
  [KEYWORDS.reminders, 'reminders', 'show'],
  [KEYWORDS.libraryCard, 'card', 'show'],
  [KEYWORDS.addFamilyCard, 'family', 'add'],
  [KEYWORDS.switchCard, 'family', 'choose'],
  [KEYWORDS.unlinkCard, 'family', 'unlink'],
  [KEYWORDS.language, 'language', 'ask'],
];

/**
 * A keyword typed in Latin letters, as people type it: any case, in full-width letters, with spaces
 * and marks around ("Help!", " MY ACCOUNT ", "Ｌｏｇ ｉｎ"). Words without a Latin letter are compared
 * exactly, as they always were: a Japanese keyword with a mark is a phrase (keywordVariant below).
 */
const latinFold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/\s+/g, ' ');
const hasLatin = (s: string) => /[a-z]/i.test(s);

function keywordRoute(word: string): [string, string] | undefined {
  for (const [words, flow, step] of keywordRoutes) if (words.includes(word)) return [flow, step];
  if (!hasLatin(word)) return undefined;
  const typed = latinFold(word);
  for (const [words, flow, step] of keywordRoutes)
    if (words.some((w) => hasLatin(w) && latinFold(w) === typed)) return [flow, step];
  return undefined;
}

/** Where a phrase goes: its own answer in the phrase flow, or the page a keyword would open. */
const intentRoutes: Partial<Record<Intent, [string, string]>> = {
  passwordChange: ['pages', 'password'],
  emailRegistration: ['pages', 'email'],
  wishList: ['wish', 'list'],
  libraryCard: ['card', 'show'],
};

/** A keyword with an ending (ログインしたい, ヘルプください, やめます): the keyword. */
const keywordVariant = phraseMatcher(Object.fromEntries(keywordRoutes.map(([words], i) => [String(i), words])));

/** やめます, やめたい, キャンセルします …: stop, but only while something waits for an answer. */
const stopWhileWaiting = phraseMatcher({ stop: STOP_WHILE_WAITING });

/**
 * Which step an input goes to. Keywords (typed, or sent by a rich-menu tap) always start their
 * flow, whatever was in progress; a postback names its own flow and step; other words go to the
 * step the conversation waits in, or are a phrase that names a service (予約したい, 返却日は？,
 * ログインしたい), or else a catalog search.
 */
export function route(
  input: Input,
  waiting: { flow: string; step: string; takesText: boolean } | undefined,
): Route | undefined {
  switch (input.kind) {
    case 'follow':
      return { flow: 'help', step: 'greet', fresh: true, resets: true };
    case 'text': {
      const word = input.text.normalize('NFKC').trim();
      const keyword = keywordRoute(word);
      if (keyword) return { flow: keyword[0], step: keyword[1], fresh: true, resets: true };
      // Never searched (its words would be shown back), wherever the conversation waits.
      if (looksLikeCredentials(word)) return { flow: 'login', step: 'passwordInChat', fresh: true, resets: false };
      // A patron who says he wants to stop means the question that waits, not a title.
      if (waiting?.takesText && stopWhileWaiting(word))
        return { flow: 'help', step: 'stop', fresh: true, resets: true };
      if (waiting?.takesText) return { flow: waiting.flow, step: waiting.step, fresh: false, resets: false };
      // Phrases only where no answer is awaited: while a flow waits, its step takes the words as
      // its answer or answers them as a search and says the flow is still open (docs/conversation.md).
      const intent = matchIntent(word);
      if (intent) {
        const [flow, step] = intentRoutes[intent] ?? ['phrase', intent];
        return { flow, step, fresh: true, resets: false };
      }
      const variant = keywordVariant(word);
      if (variant !== undefined) {
        const [, flow, step] = keywordRoutes[Number(variant)]!;
        return { flow, step, fresh: true, resets: true };
      }
      // ぐりとぐらを予約したい: a search, then the reservation (flows/reserve-phrase.ts).
      if (searchPhrase(word).reserve) return { flow: 'reserve', step: 'find', fresh: true, resets: false };
      return { flow: 'search', step: 'query', fresh: true, resets: false };
    }
    case 'accountLink':
      return { flow: 'login', step: input.result === 'ok' ? 'linked' : 'linkFailed', fresh: false, resets: false };
    case 'postback': {
      const p = decodePostback(input.data);
      return p
        ? { flow: p.flow, step: p.step, postback: p, fresh: false, resets: false }
        : { flow: 'expired', step: 'show', fresh: false, resets: false };
    }
    default:
      return undefined;
  }
}
