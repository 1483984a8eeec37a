import { chat } from '../messages/current.js';
import { mayBeCredential } from './credentials-like.js';
import { text, type Action, type Reply } from './reply.js';

/**
 * Nothing found: titles close to the words (「もしかして」), each with a button that searches it by
 * its title, then what else to try, and the menu. The titles are only offered, never called
 * hits: the search of the button is what says whether and where they are held.
 */
export function noHitsReply(q: string, close: readonly { title: string }[], menu: readonly Action[]): Reply {
  // Never shown back, nor anything found from them: a card number, a password.
  if (mayBeCredential(q)) return text(chat.noHits(null), [...menu]);
  const tries: Action[] = close.map((t) => ({
    kind: 'message',
    label: t.title,
    text: `書名:${t.title.replace(/\s+/g, '')}`,
  }));
  return text(
    chat.noHits(
      q,
      close.map((t) => t.title),
    ),
    [...tries, ...menu],
  );
}
