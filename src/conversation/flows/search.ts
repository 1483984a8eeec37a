import { z } from 'zod';
import { availabilityLabel, chat, COPY_STATE_LABELS, materialLabel, refusalMessage } from '../../messages/ja/index.js';
import { reading, type Flow, type StepContext, type StepResult } from '../flow.js';
import { encodePostback, restOf } from '../postback.js';
import { text, type Action, type Reply, type TitleCard } from '../reply.js';
import type { Facts } from '../effects.js';
import { noHitsReply } from '../no-hits.js';

type Summary = NonNullable<Facts['search']>['results'][number];
type Detail = NonNullable<NonNullable<Facts['title']>>;

export const SEARCH_FLOW = 'search';
const FIELD_PREFIX: Record<string, string> = {
  title: '書名:',
  author: '著者:',
  publisher: '出版者:',
  classification: '分類:',
};

const searchAgain: Action = { kind: 'message', label: chat.buttons.search, text: '蔵書検索' };
const help: Action = { kind: 'message', label: chat.buttons.help, text: 'ヘルプ' };

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
      const q = prefix && typed ? `${prefix}${typed.replace(/\s+/g, ` ${prefix}`)}` : typed;
      if (!q) return { replies: [text(chat.emptyQuery, [searchAgain, help])] };
      return { replies: [], effects: [{ kind: 'search', text: q, page: 0 }], then: 'results' };
    }),
    /** 次の10件: the page and the words travel in the button, so an old list still pages. */
    next(ctx) {
      const page = Number(ctx.postback?.args[0]);
      const q = ctx.postback ? restOf(ctx.postback, 1) : '';
      if (!Number.isInteger(page) || page < 0 || page > 99 || !q)
        return { replies: [text(chat.expired, [searchAgain])] };
      return { replies: [], effects: [{ kind: 'search', text: q, page }], then: 'results' };
    },
    results: reading(queryState, results),
    detail(ctx) {
      const bibId = ctx.postback?.args[0] ?? '';
      if (!/^\d{1,18}$/.test(bibId)) return { replies: [text(chat.titleNotFound, [searchAgain])] };
      return { replies: [], effects: [{ kind: 'titleDetail', bibId }], then: 'showDetail' };
    },
    showDetail(ctx) {
      const t = ctx.facts.title;
      if (!t) return { replies: [text(chat.titleNotFound, [searchAgain])] };
      return { replies: [detailReply(t)] };
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
            help,
          ]),
        ],
      };
    },
    askField(ctx) {
      const f = ctx.postback?.args[0] ?? '';
      const label = chat.fieldLabels[f];
      if (!label) return { replies: [text(chat.expired, [searchAgain])] };
      return {
        replies: [text(chat.askField(label))],
        next: { step: 'query', data: { field: f } satisfies z.input<typeof queryState> },
      };
    },
  },
};

function fieldPrefix(ctx: StepContext<Query>): string {
  return ctx.data ? (FIELD_PREFIX[ctx.data.field] ?? '') : '';
}

function results(ctx: StepContext<Query>): StepResult {
  return { replies: searchResultReplies(ctx.facts, queryText(ctx)) };
}

/** The answer to a search whose results are in `facts` (also given beside an open reservation). */
export function searchResultReplies(facts: Facts, q: string): Reply[] {
  const s = facts.search;
  if (!s) return [text(chat.expired, [searchAgain])];
  if (s.total === 0 || s.results.length === 0) return [noHitsReply(q, [searchAgain, help])];
  const from = s.page * 10 + 1;
  const to = from + s.results.length - 1;
  const nextData = s.hasNext ? encodePostback(SEARCH_FLOW, 'next', String(s.page + 1), q) : undefined;
  const quick: Action[] = [
    ...(nextData
      ? [{ kind: 'postback' as const, label: chat.buttons.next, data: nextData, displayText: chat.buttons.next }]
      : []),
    searchAgain,
  ];
  const replies: Reply[] = [
    text(chat.resultHeader(q, s.total, s.capped, from, to) + (s.capped ? `\n${chat.tooMany}` : '')),
    {
      kind: 'titles',
      altText: chat.resultHeader(q, s.total, s.capped, from, to),
      cards: s.results.map(card),
      quickReplies: quick,
    },
  ];
  return replies;
}

function queryText(ctx: StepContext<Query>): string {
  if (ctx.postback?.step === 'next') return restOf(ctx.postback, 1);
  const typed = ctx.input.kind === 'text' ? ctx.input.text.trim() : '';
  const prefix = fieldPrefix(ctx);
  return prefix ? `${prefix}${typed}` : typed;
}

function marks(t: Summary): string[] {
  return [...(t.kamishibai ? ['紙芝居'] : []), ...(t.youngAdult ? ['YA'] : [])];
}

function describe(t: Summary): string[] {
  const pubYear = [t.publisher, t.year ? `${t.year}年` : ''].filter(Boolean).join('・');
  return [
    t.author ?? '',
    pubYear,
    `${materialLabel(t.materialType)}${t.callNumber ? `　請求記号 ${t.callNumber}` : ''}`,
    chat.holdCount(t.holdCount),
  ].filter(Boolean);
}

function card(t: Summary): TitleCard {
  return {
    title: t.title,
    lines: describe(t),
    availability: availabilityLabel(t.lendable),
    lendable: t.lendable,
    marks: marks(t),
    actions: [
      {
        kind: 'postback',
        label: chat.buttons.detail,
        data: encodePostback(SEARCH_FLOW, 'detail', t.bibId)!,
        displayText: `${t.title.slice(0, 40)}の詳細`,
      },
      ...(t.reservable === null
        ? [
            {
              kind: 'postback' as const,
              label: chat.buttons.reserve,
              data: encodePostback('reserve', 'start', t.bibId)!,
              displayText: chat.buttons.reserve,
            },
          ]
        : []),
    ],
  };
}

function detailReply(t: Detail): Reply {
  const reserve = t.reservable === null ? encodePostback('reserve', 'start', t.bibId) : undefined;
  return {
    kind: 'titleDetail',
    altText: `${t.title}の所蔵`,
    card: {
      title: t.title,
      lines: describe(t).slice(0, 3),
      marks: marks(t),
      copies: t.copies.map((c) => ({
        branch: c.branchName,
        callNumber: c.callNumber,
        state: COPY_STATE_LABELS[c.state],
        lendable: c.state === 'available',
      })),
      footer: [
        chat.holdCount(t.holdCount),
        ...(t.reservable ? [chat.notReservable(refusalMessage(t.reservable))] : []),
      ],
      actions: reserve
        ? [{ kind: 'postback', label: chat.buttons.reserve, data: reserve, displayText: chat.buttons.reserve }]
        : [],
    },
    quickReplies: [searchAgain],
  };
}
