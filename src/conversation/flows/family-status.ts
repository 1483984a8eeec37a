import { familyCards, patronChat, refusalMessage } from '../../messages/current.js';
import type { StepContext, StepResult } from '../flow.js';
import { onCard } from '../postback.js';
import { text, type Action, type InfoCard, type Reply } from '../reply.js';
import { holders, loggedOutMenu, menuActions, switchActions } from './common.js';
import { holdCardExtras } from './hold-service-cards.js';
import { holdCard, loanCard, MAX_CARDS } from './status-cards.js';

/** LINE answers with five messages at most: the summary, and up to four holders' cards. */
const MAX_HOLDERS_SHOWN = 4;

/** The card's buttons act for its holder's card: `as|<card>|…` (the engine checks it is linked). */
function forCard(card: InfoCard, patronId: string): InfoCard {
  const actions = card.actions.flatMap((a): Action[] => {
    if (a.kind !== 'postback') return [a];
    const data = onCard(patronId, a.data);
    return data ? [{ ...a, data }] : [];
  });
  return { ...card, actions };
}

/**
 * ご利用状況 of a LINE user with several cards (docs/family-cards.md): one summary naming each
 * holder (and why a card shows nothing, R-ELIG), then each holder's loans and holds as cards whose
 * headings name the holder, with the same buttons as a single card's status.
 */
export function renderFamilyStatus(ctx: StepContext): StepResult {
  const list = ctx.facts.familyStatus;
  if (!list || list.length === 0) return { replies: [text(patronChat.notLoggedIn, loggedOutMenu())] };
  const names = holders(list.map((x) => x.card));
  const active = ctx.user.patronId;
  const lines = [familyCards.statusHeader(list.length)];
  const groups: Reply[] = [];
  let more = false;
  for (const { card, status } of list) {
    const holder = names.get(card.patronId)!;
    const mark = card.patronId === active ? familyCards.activeMark : '';
    if (!status.ok) {
      const why = status.failure.kind === 'refused' ? refusalMessage(status.failure.refusal) : patronChat.notYours;
      lines.push(familyCards.holderRefused(holder + mark, why));
      continue;
    }
    const s = status.value;
    const summary = familyCards.holderLine(holder + mark, s.loans.length, s.holds.length);
    lines.push(summary);
    // R-ELIG-2: a card that may see its status but not reserve says why, under its holder.
    if (s.reserve) lines.push(refusalMessage(s.reserve));
    const cards = [
      ...s.loans.map((l, i) =>
        loanCard(l, familyCards.cardHeading(holder, patronChat.loanCardHeading(i + 1, s.loans.length))),
      ),
      ...s.holds.map((h, i) =>
        holdCardExtras(
          h,
          holdCard(h, familyCards.cardHeading(holder, patronChat.holdCardHeading(i + 1, s.holds.length))),
        ),
      ),
    ].map((c) => forCard(c, card.patronId));
    if (cards.length === 0) continue;
    if (groups.length >= MAX_HOLDERS_SHOWN || cards.length > MAX_CARDS) more = true;
    if (groups.length < MAX_HOLDERS_SHOWN)
      groups.push({ kind: 'cards', altText: summary, cards: cards.slice(0, MAX_CARDS) });
  }
  if (more) lines.push(familyCards.moreElsewhere);
  const quickReplies = [
    ...switchActions(
      list.map((x) => x.card),
      active,
    ),
    ...menuActions(),
  ];
  const replies: Reply[] = [text(lines.join('\n')), ...groups];
  const last = replies.length - 1;
  replies[last] = { ...replies[last]!, quickReplies };
  return { replies };
}
