import { cardWords, chat, refusalMessage, wishList as w } from '../../messages/current.js';
import type { Flow, StepContext } from '../flow.js';
import { encodePostback } from '../postback.js';
import { text, type Action, type InfoCard, type Reply } from '../reply.js';
import type { WishListEntry, WishListView } from '../../services/wish-list.js';
import { loginButtonReply, menuActions, noValueReply, requireLogin } from './common.js';

export const WISH_FLOW = 'wish';

// Functions, not constants: the labels are read in the language of each reply (messages/current.ts).
// The list button sends its label, which is a wishList phrase in every language (messages/*/intents.ts).
const listAction = (): Action => ({ kind: 'message', label: w.listButton, text: w.listButton });
const quick = (): Action[] => [listAction(), ...menuActions()];

const bibArg = (ctx: StepContext): string | undefined => {
  const id = ctx.postback?.args[0] ?? '';
  return /^\d{1,18}$/.test(id) ? id : undefined;
};

/** The 読みたい button of a search result or a title's detail (R-WISH-1). */
export function saveAction(bibId: string): Action {
  return {
    kind: 'postback',
    label: w.saveButton,
    data: encodePostback(WISH_FLOW, 'add', bibId)!,
    displayText: w.saveButton,
  };
}

/**
 * 読みたいリスト (R-WISH-1, R-WISH-2): 読みたい on a title saves it (a second tap is told it is there),
 * 「読みたいリスト」/「読みたい」 typed or tapped shows the list with each title's availability now,
 * 予約申込 (the reservation's own flow, rules and confirmation) and 削除 (a second tap is told it is gone).
 */
export const wishFlow: Flow = {
  name: WISH_FLOW,
  states: {},
  steps: {
    add(ctx) {
      const bibId = bibArg(ctx);
      if (!bibId) return { replies: [text(chat.expired, quick())] };
      return (
        requireLogin(ctx, { flow: WISH_FLOW, step: 'add', args: [bibId] }) ?? {
          replies: [],
          effects: [{ kind: 'saveWish', bibId }],
          then: 'added',
        }
      );
    },
    added(ctx) {
      const r = ctx.facts.wishSaved;
      if (!r?.ok) return { replies: [noValueReplyWithList(r)] };
      return { replies: [text(w.saved(r.value.title, r.value.count, r.value.cap), quick())] };
    },
    list(ctx) {
      const asked = Number(ctx.postback?.args[0] ?? 0);
      const page = Number.isInteger(asked) && asked >= 0 && asked < 100 ? asked : 0;
      const login = requireLogin(ctx);
      if (login) return { ...login, then: 'loginButton' };
      return { replies: [], effects: [{ kind: 'wishList', page }], then: 'shown' };
    },
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
    shown(ctx) {
      const r = ctx.facts.wishList;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      return { replies: listReplies(r.value) };
    },
    remove(ctx) {
      const bibId = bibArg(ctx);
      if (!bibId) return { replies: [text(chat.expired, quick())] };
      const login = requireLogin(ctx);
      if (login) return { ...login, then: 'loginButton' };
      return { replies: [], effects: [{ kind: 'removeWish', bibId }], then: 'removed' };
    },
    removed(ctx) {
      const r = ctx.facts.wishRemoved;
      if (!r?.ok) return { replies: [text(w.removedAlready, quick())] };
      return { replies: [text(r.value.removed ? w.removed(r.value.title) : w.removedAlready, quick())] };
    },
  },
};

/** A refusal to save (in the list already, the list full) says why with the list's button. */
function noValueReplyWithList(r: Parameters<typeof noValueReply>[0]): Reply {
  if (r?.failure.kind === 'refused') return text(refusalMessage(r.failure.refusal), quick());
  return noValueReply(r);
}

function listReplies(v: WishListView): Reply[] {
  if (v.count === 0) return [text(w.empty(v.cap), menuActions())];
  const from = v.page * 10 + 1;
  const to = from + v.entries.length - 1;
  const header = w.header(v.count, v.cap, from, to);
  const cards: Reply = {
    kind: 'cards',
    altText: header,
    cards: v.entries.map((e, i) => entryCard(e, w.cardHeading(from + i, v.count))),
  };
  const pages: Action[] = [
    ...(v.page > 0 ? [pageAction(v.page - 1, chat.buttons.prev)] : []),
    ...(to < v.count ? [pageAction(v.page + 1, chat.buttons.next)] : []),
  ];
  return [text(header), { ...cards, quickReplies: [...pages, ...menuActions()] }];
}

function pageAction(page: number, label: string): Action {
  return { kind: 'postback', label, data: encodePostback(WISH_FLOW, 'list', String(page))!, displayText: label };
}

function entryCard(e: WishListEntry, heading: string): InfoCard {
  const a = e.availability;
  const where = a.kind === 'onShelf' ? w.onShelf(a.branchNames) : a.kind === 'out' ? w.out : w.notLendable;
  // The patron's own hold or loan of it is said first: "on the shelf" would not be news to them.
  const own = e.reserve?.code === 'ALREADY_HOLDING_TITLE' || e.reserve?.code === 'TITLE_ON_LOAN_TO_PATRON';
  const note =
    e.usualBranchName && !own
      ? w.atUsualBranch(e.usualBranchName)
      : e.reserve
        ? reserveNote(e.reserve.code)
        : undefined;
  return {
    heading,
    title: e.title,
    rows: [
      { label: w.availabilityLabel, value: where },
      { label: w.holdsLabel, value: w.holds(a.holds) },
    ],
    ...(note ? { note } : {}),
    actions: [
      ...(e.reserve === null
        ? [
            {
              kind: 'postback' as const,
              label: w.reserveButton,
              data: encodePostback('reserve', 'start', e.bibId)!,
              displayText: w.reserveButton,
            },
          ]
        : [
            {
              kind: 'postback' as const,
              label: w.detailButton,
              data: encodePostback('search', 'detail', e.bibId)!,
              displayText: w.detailButton,
            },
          ]),
      {
        kind: 'postback',
        label: w.removeButton,
        data: encodePostback(WISH_FLOW, 'remove', e.bibId)!,
        displayText: cardWords.removeDisplayText(e.title.slice(0, 30), w.removeButton),
      },
    ],
  };
}

function reserveNote(code: string): string {
  const notes = w.notReservable as Record<string, string>;
  return notes[code] ?? w.notReservable.other;
}
