import { givenName } from '../domain/family-cards.js';
import { familyCards } from '../messages/current.js';
import { onCard } from '../conversation/postback.js';
import type { Action, Reply } from '../conversation/reply.js';

/** Whose card a notice is about, and how many cards its LINE user has (docs/family-cards.md). */
export interface NoticeHolder {
  patronId: string;
  holder: string;
  familySize: number;
}

const holderOf = (name: string) => familyCards.holder(givenName(name));

/** To the LINE user who lost the card: it was linked from another LINE account. */
export function cardMovedReply(n: NoticeHolder): Reply {
  return { kind: 'text', text: familyCards.cardMoved(holderOf(n.holder)) };
}

/**
 * A notice to a LINE user with several cards says whose card it is about (its heading and alt
 * text), and its buttons act for that card (`as|<card>|…`, checked by the engine when tapped).
 * With one card the notice is as it always was.
 */
export function forHolder(reply: Reply, n: NoticeHolder): Reply {
  if (n.familySize < 2) return reply;
  const label = familyCards.noticeFor(holderOf(n.holder));
  const act = (a: Action): Action[] => {
    if (a.kind !== 'postback') return [a];
    const data = onCard(n.patronId, a.data);
    return data ? [{ ...a, data }] : [];
  };
  switch (reply.kind) {
    case 'cards':
      return {
        ...reply,
        altText: familyCards.noticeAltText(label, reply.altText).slice(0, 400),
        cards: reply.cards.map((c) => ({ ...c, heading: label, actions: c.actions.flatMap(act) })),
      };
    case 'text':
      return { ...reply, text: `${label}\n${reply.text}` };
    case 'buttons':
      return { ...reply, text: `${label}\n${reply.text}`, actions: reply.actions.flatMap(act) };
    default:
      return reply;
  }
}
