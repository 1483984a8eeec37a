import { materialTypeOfWord } from '../domain/material-words.js';
import { chat } from '../messages/ja/index.js';
import { mayBeCredential } from './credentials-like.js';
import { text, type Action, type Reply } from './reply.js';

/**
 * A material word searched as a title word (ももたろう 紙芝居): the same search with the word as
 * its field, 分類:C for kamishibai (R-SRCH-2) and 資料種別: for the others. Only a whole word
 * counts; the word alone leaves the field alone.
 */
function materialSuggestion(q: string): { word: string; query: string } | undefined {
  const words = q.normalize('NFKC').trim().split(/\s+/);
  const i = words.findIndex((w) => !w.includes(':') && materialTypeOfWord(w) !== undefined);
  if (i < 0) return undefined;
  const word = words[i]!;
  const field = materialTypeOfWord(word) === 'kamishibai' ? '分類:C' : `資料種別:${word}`;
  return { word, query: [...words.slice(0, i), ...words.slice(i + 1), field].join(' ') };
}

/** Nothing found: what to try instead (a material word as its field, fewer words, a field), and the menu. */
export function noHitsReply(q: string, menu: readonly Action[]): Reply {
  // Never shown back (the suggestion would repeat them too): a card number, a password.
  if (mayBeCredential(q)) return text(chat.noHits(null), [...menu]);
  const material = materialSuggestion(q);
  const run: Action[] = material
    ? [{ kind: 'message', label: chat.byMaterial(material.word), text: material.query }]
    : [];
  return text(chat.noHits(q, material), [...run, ...menu]);
}
