import { z } from 'zod';
import {
  chat,
  COPY_STATE_LABELS,
  materialLabel,
  refusalMessage,
  ownKeywords,
  TITLE_AVAILABILITY_LABELS,
  cardWords,
} from '../../messages/current.js';
import { branchName } from '../../messages/local-names.js';
import { reading, type Flow, type StepContext, type StepResult } from '../flow.js';
import { encodePostback, restOf } from '../postback.js';
import { text, type Action, type Reply, type TitleCard } from '../reply.js';
import type { Effect, Facts } from '../effects.js';
import type { Refusal } from '../../domain/refusals.js';
import { noHitsReply } from '../no-hits.js';
import { searchPhrase } from '../search-phrases.js';
import { saveAction } from './wish.js';

type Summary = NonNullable<Facts['search']>['results'][number];
type Detail = NonNullable<NonNullable<Facts['title']>>;

export const SEARCH_FLOW = 'search';
const FIELD_PREFIX: Record<string, string> = {
  title: '書名:',
  author: '著者:',
  publisher: '出版者:',
  classification: '分類:',
};

const searchAgain = (): Action => ({ kind: 'message', label: chat.buttons.search, text: ownKeywords.search[0]! });
const help = (): Action => ({ kind: 'message', label: chat.buttons.help, text: ownKeywords.help[0]! });

/** Waiting for the value of the field chosen in the detailed search. */
const queryState = z.object({ field: z.string() });
type Query = z.infer<typeof queryState>;

/** R-ELIG-1 / R-SRCH-1: anyone may search; words, or typed fields, all combined with AND. */
export const searchFlow: Flow = {
  name: SEARCH_FLOW,
  textSteps: ['query'],
  states: { query: queryState },
  steps: {
    /** Words typed in the chat (or a field value awaited by `awaitField`). */
    query: reading(queryState, (ctx) => {
      const typed = ctx.input.kind === 'text' ? ctx.input.text.trim() : '';
      const prefix = fieldPrefix(ctx);
      const q =
        prefix && typed ? `${prefix}${typed.replace(/\s+/g, ` ${prefix}`)}` : typed && searchPhrase(typed).words;
      if (!q) return { replies: [text(chat.emptyQuery, [searchAgain(), help()])] };
      return { replies: [], effects: searchEffects(ctx, q, 0), then: 'results' };
    }),
    /** 次の10件 and 前の10件: the page and the words travel in the button, so an old list still pages. */
    next(ctx) {
      const page = Number(ctx.postback?.args[0]);
      const q = ctx.postback ? restOf(ctx.postback, 1) : '';
      if (!Number.isInteger(page) || page < 0 || page > 99 || !q)
        return { replies: [text(chat.expired, [searchAgain()])] };
      return { replies: [], effects: searchEffects(ctx, q, page), then: 'results' };
    },
    results: reading(queryState, results),
    detail(ctx) {
      const bibId = ctx.postback?.args[0] ?? '';
      if (!/^\d{1,18}$/.test(bibId)) return { replies: [text(chat.titleNotFound, [searchAgain()])] };
      return { replies: [], effects: [{ kind: 'titleDetail', bibId }, ...eligibility(ctx)], then: 'showDetail' };
    },
    showDetail(ctx) {
      const t = ctx.facts.title;
      if (!t) return { replies: [text(chat.titleNotFound, [searchAgain()])] };
      return { replies: [detailReply(t, ctx.facts.eligibility?.reserve ?? null)] };
    },
    /** 蔵書検索: how to search, and buttons for the detailed search. */
    guide() {
      const field = (f: string, label: string): Action => ({
        kind: 'postback',
        label,
        data: encodePostback(SEARCH_FLOW, 'askField', f)!,
        displayText: label,
      });
      return {
        replies: [
          text(chat.searchGuide, [
            field('title', chat.buttons.byTitle),
            field('author', chat.buttons.byAuthor),
            field('publisher', chat.buttons.byPublisher),
            { kind: 'message', label: chat.buttons.kamishibai, text: '分類:C' },
            // R-SRCH-3: the young-adult shelf, by its material word (domain/material-words.ts).
            { kind: 'message', label: chat.buttons.ya, text: 'YA' },
            help(),
          ]),
        ],
      };
    },
    askField(ctx) {
      const f = ctx.postback?.args[0] ?? '';
      const label = chat.fieldLabels[f];
      if (!label) return { replies: [text(chat.expired, [searchAgain()])] };
      return {
        replies: [text(chat.askField(label))],
        next: { step: 'query', data: { field: f } satisfies z.input<typeof queryState> },
      };
    },
  },
};

/**
 * A logged-in patron's searches also read whether he may reserve (R-ELIG-2), so no card offers
 * 予約申込 to one who would only be refused. Logged out, it is offered: the login comes first,
 * and the refusal with its reason after it.
 */
const eligibility = (ctx: StepContext): Effect[] => (ctx.user.patronId ? [{ kind: 'eligibility' }] : []);

/** The effects of a search: the page of results, and what the patron may do with them. */
export const searchEffects = (ctx: StepContext, q: string, page: number): Effect[] => [
  { kind: 'search', text: q, page },
  ...eligibility(ctx),
];

function fieldPrefix(ctx: StepContext<Query>): string {
  return ctx.data ? (FIELD_PREFIX[ctx.data.field] ?? '') : '';
}

function results(ctx: StepContext<Query>): StepResult {
  return { replies: searchResultReplies(ctx.facts, queryText(ctx)) };
}

/** The answer to a search whose results are in `facts` (also given beside an open reservation). */
export function searchResultReplies(facts: Facts, q: string): Reply[] {
  const s = facts.search;
  if (!s) return [text(chat.expired, [searchAgain()])];
  if (s.total === 0 || s.results.length === 0) return [noHitsReply(q, s.suggestions, [searchAgain(), help()])];
  const from = s.page * 10 + 1;
  const to = from + s.results.length - 1;
  const quick: Action[] = [
    ...pageButton(chat.buttons.prev, s.page > 0 ? s.page - 1 : undefined, q),
    ...pageButton(chat.buttons.next, s.hasNext ? s.page + 1 : undefined, q),
    searchAgain(),
  ];
  const refusal = facts.eligibility?.reserve ?? null;
  // The reason is said once, with the first page, not on every card.
  const notOffered = refusal && s.page === 0 ? `\n${chat.reserveNotOffered(refusalMessage(refusal))}` : '';
  const replies: Reply[] = [
    text(chat.resultHeader(q, s.total, s.capped, from, to) + (s.capped ? `\n${chat.tooMany}` : '') + notOffered),
    {
      kind: 'titles',
      altText: chat.resultHeader(q, s.total, s.capped, from, to),
      cards: s.results.map((t) => card(t, refusal === null)),
      quickReplies: quick,
    },
  ];
  return replies;
}

/** A button to another page of the same words; none when there is no such page or the words are too long. */
function pageButton(label: string, page: number | undefined, q: string): Action[] {
  const data = page === undefined ? undefined : encodePostback(SEARCH_FLOW, 'next', String(page), q);
  return data ? [{ kind: 'postback', label, data, displayText: label }] : [];
}

function queryText(ctx: StepContext<Query>): string {
  if (ctx.postback?.step === 'next') return restOf(ctx.postback, 1);
  const typed = ctx.input.kind === 'text' ? ctx.input.text.trim() : '';
  const prefix = fieldPrefix(ctx);
  return prefix ? `${prefix}${typed}` : searchPhrase(typed).words;
}

function marks(t: Summary): string[] {
  const m = cardWords.marks;
  return [
    ...(t.kamishibai ? [m.kamishibai] : []),
    ...(t.youngAdult ? [m.youngAdult] : []),
    ...(t.largePrint ? [m.largePrint] : []),
  ];
}

/** Author, publisher and year, material and call number: the lines a result card and the detail share. */
function describe(t: Summary): string[] {
  const pubYear = [t.publisher, t.year ? cardWords.publishedYear(t.year) : ''].filter(Boolean).join('・');
  return [
    t.author ?? '',
    pubYear,
    `${materialLabel(t.materialType)}${t.callNumber ? `　${cardWords.callNumber(t.callNumber)}` : ''}`,
  ].filter(Boolean);
}

function card(t: Summary, mayReserve: boolean): TitleCard {
  return {
    title: t.title,
    // 予約件数：0件 on a title nobody may reserve (館内閲覧のみ, a latest issue, AV) reads as "you
    // would be first"; holds that exist (placed at a counter before) are still a fact to show.
    lines: [...describe(t), ...(t.reservable === null || t.holdCount > 0 ? [chat.holdCount(t.holdCount)] : [])],
    availability: TITLE_AVAILABILITY_LABELS[t.availability],
    availabilityKind: t.availability,
    marks: marks(t),
    actions: [
      {
        kind: 'postback',
        label: chat.buttons.detail,
        data: encodePostback(SEARCH_FLOW, 'detail', t.bibId)!,
        displayText: cardWords.detailDisplayText(t.title.slice(0, 40)),
      },
      ...(t.reservable === null && mayReserve
        ? [
            {
              kind: 'postback' as const,
              label: chat.buttons.reserve,
              data: encodePostback('reserve', 'start', t.bibId)!,
              displayText: chat.buttons.reserve,
            },
          ]
        : []),
      saveAction(t.bibId),
    ],
  };
}

function detailReply(t: Detail, patronRefusal: Refusal | null): Reply {
  const reserve = t.reservable === null && !patronRefusal ? encodePostback('reserve', 'start', t.bibId) : undefined;
  return {
    kind: 'titleDetail',
    altText: cardWords.holdingsAltText(t.title),
    card: {
      title: t.title,
      // 予約件数 is the footer's, once (issue 23: a title without an author showed it twice).
      lines: describe(t),
      marks: marks(t),
      copies: t.copies.map((c) => ({
        branch: branchName(c.branchName),
        callNumber: c.callNumber,
        state: COPY_STATE_LABELS[c.state],
        lendable: c.state === 'available',
      })),
      footer: [
        chat.holdCount(t.holdCount),
        ...(t.reservable ? [chat.notReservable(refusalMessage(t.reservable))] : []),
        // The title's own reason comes first; the patron's only when the title could be reserved.
        ...(!t.reservable && patronRefusal ? [chat.reserveNotOffered(refusalMessage(patronRefusal))] : []),
      ],
      actions: [
        ...(reserve
          ? [
              {
                kind: 'postback' as const,
                label: chat.buttons.reserve,
                data: reserve,
                displayText: chat.buttons.reserve,
              },
            ]
          : []),
        saveAction(t.bibId),
      ],
    },
    quickReplies: [searchAgain()],
  };
}
