import type { messagingApi } from '@line/bot-sdk';
import type { Action, InfoCard, LibraryCardView, Reply, TitleCard, TitleDetailCard } from '../conversation/reply.js';
import { LIMITS } from './limits.js';

type Message = messagingApi.Message;
type FlexComponent = messagingApi.FlexComponent;
type FlexBubble = messagingApi.FlexBubble;

const COLORS = { accent: '#1B6E5A', muted: '#666666', ok: '#1B7F3A', ng: '#B3261E', mark: '#8A4B00' } as const;
/** 貸出：○ green, 貸出：× red; 館内閲覧のみ neither (it can be read on the shelf), as a copy's state is drawn. */
const AVAILABILITY_COLORS = { lendable: COLORS.ok, out: COLORS.ng, in_library_only: COLORS.muted } as const;

/**
 * Replies → LINE messages; the only place that knows LINE message JSON. Everything is cut to
 * LINE's limits here, so no reply a flow can make is refused by LINE.
 */
export function toLineMessages(replies: readonly Reply[]): Message[] {
  return replies.slice(0, LIMITS.messagesPerReply).map(toMessage);
}

function toMessage(r: Reply): Message {
  const quickReply = quick(r.quickReplies);
  switch (r.kind) {
    case 'text':
      return { type: 'text', text: cut(r.text || '…', LIMITS.textLength), ...quickReply };
    case 'titles':
      return flex(r.altText, { type: 'carousel', contents: r.cards.slice(0, 10).map(titleBubble) }, quickReply);
    case 'titleDetail':
      return flex(r.altText, detailBubble(r.card), quickReply);
    case 'cards':
      return flex(
        r.altText,
        r.cards.length === 1
          ? infoBubble(r.cards[0]!)
          : { type: 'carousel', contents: r.cards.slice(0, LIMITS.carouselBubbles).map(infoBubble) },
        quickReply,
      );
    case 'buttons':
      return flex(r.altText, buttonsBubble(r.text, r.actions), quickReply);
    case 'libraryCard':
      return flex(r.altText, libraryCardBubble(r.card), quickReply);
  }
}

function flex(
  altText: string,
  contents: messagingApi.FlexContainer,
  quickReply: { quickReply?: messagingApi.QuickReply },
): Message {
  return { type: 'flex', altText: cut(altText || '…', LIMITS.altText), contents, ...quickReply };
}

function quick(actions: readonly Action[] | undefined): { quickReply?: messagingApi.QuickReply } {
  if (!actions || actions.length === 0) return {};
  return {
    quickReply: { items: actions.slice(0, LIMITS.quickReplyItems).map((a) => ({ type: 'action', action: action(a) })) },
  };
}

function action(a: Action): messagingApi.Action {
  const label = cut(a.label, LIMITS.actionLabel);
  switch (a.kind) {
    case 'postback':
      return {
        type: 'postback',
        label,
        data: a.data.slice(0, LIMITS.postbackData),
        ...(a.displayText ? { displayText: cut(a.displayText, 300) } : {}),
      };
    case 'message':
      return { type: 'message', label, text: cut(a.text, 300) };
    case 'uri':
      return { type: 'uri', label, uri: a.uri };
  }
}

const txt = (text: string, extra: Partial<messagingApi.FlexText> = {}): FlexComponent => ({
  type: 'text',
  text: text || '—',
  size: 'sm',
  wrap: true,
  ...extra,
});

function marksRow(marks: readonly string[]): FlexComponent[] {
  if (marks.length === 0) return [];
  return [
    {
      type: 'box',
      layout: 'horizontal',
      spacing: 'sm',
      contents: marks.map((m) => txt(`［${m}］`, { size: 'xs', color: COLORS.mark, weight: 'bold', flex: 0 })),
    },
  ];
}

function button(a: Action, primary: boolean): FlexComponent {
  return {
    type: 'button',
    style: primary ? 'primary' : 'secondary',
    height: 'sm',
    color: primary ? COLORS.accent : undefined,
    action: action(a),
  } as FlexComponent;
}

/** A bubble's footer of buttons (none when there are no actions); `primary` is the emphasised one. */
function buttonFooter(actions: readonly Action[], max: number, primary: number): { footer?: messagingApi.FlexBox } {
  if (actions.length === 0) return {};
  return {
    footer: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: actions.slice(0, max).map((a, i) => button(a, i === primary)),
    },
  };
}

/**
 * A small card of a carousel (a title in a result list, a hold or loan): its heading if any (which
 * list it is of), its title in bold on three lines at most, then `contents`, then up to `maxButtons`
 * buttons.
 */
function smallCard(
  title: string,
  contents: FlexComponent[],
  actions: readonly Action[],
  maxButtons: number,
  primary: number,
  heading?: string,
): FlexBubble {
  return {
    type: 'bubble',
    size: 'kilo',
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        ...(heading ? [txt(cut(heading, 40), { size: 'xs', weight: 'bold', color: COLORS.accent, wrap: false })] : []),
        txt(cut(title, 200), { weight: 'bold', size: 'md', maxLines: 3 }),
        ...contents,
      ],
    },
    ...buttonFooter(actions, maxButtons, primary),
  };
}

function titleBubble(c: TitleCard): FlexBubble {
  const contents = [
    ...marksRow(c.marks),
    ...c.lines.map((l) => txt(cut(l, 200), { size: 'xs', color: COLORS.muted, maxLines: 2 })),
    txt(c.availability, { weight: 'bold', color: AVAILABILITY_COLORS[c.availabilityKind] }),
  ];
  // 詳細を見る, 予約申込 (emphasised) and 読みたい.
  return smallCard(c.title, contents, c.actions, 3, 1);
}

function detailBubble(c: TitleDetailCard): FlexBubble {
  // A copy is two lines: branch and state, then the call number. On one line the three did not fit
  // a lone bubble on a 360 px phone (about 190 px inside): 「館内閲覧のみ」 broke in two.
  const copies: FlexComponent[] = c.copies.slice(0, 20).map((cp) => ({
    type: 'box',
    layout: 'vertical',
    contents: [
      {
        type: 'box',
        layout: 'baseline',
        spacing: 'sm',
        contents: [
          txt(cp.branch, { size: 'xs', flex: 1 }),
          txt(cp.state, { size: 'xs', flex: 0, weight: 'bold', color: cp.lendable ? COLORS.ok : COLORS.muted }),
        ],
      },
      ...(cp.callNumber ? [txt(cut(cp.callNumber, 40), { size: 'xxs', color: COLORS.muted })] : []),
    ],
  }));
  return {
    type: 'bubble',
    size: 'mega',
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'md',
      contents: [
        txt(cut(c.title, 300), { weight: 'bold', size: 'lg' }),
        ...marksRow(c.marks),
        ...c.lines.map((l) => txt(cut(l, 300), { size: 'xs', color: COLORS.muted })),
        { type: 'separator' },
        ...(copies.length > 0 ? copies : [txt('—', { size: 'xs' })]),
        { type: 'separator' },
        ...c.footer.map((f) => txt(cut(f, 500), { size: 'sm' })),
      ],
    },
    ...buttonFooter(c.actions, 4, 0),
  };
}

/**
 * The label column of a card's rows: wide enough for five characters at xs (返却予定日), and fixed,
 * so that it is the value that wraps when a bubble is narrow (a lone bubble on a 360 px phone has
 * about 190 px inside), never the label.
 */
const LABEL_WIDTH = '70px';

/** One label/value row of a card, the value wrapping beside a label column of fixed width. */
function labelRow(r: { label: string; value: string; emphasis?: boolean }): FlexComponent {
  return {
    type: 'box',
    layout: 'horizontal',
    spacing: 'sm',
    contents: [
      {
        type: 'box',
        layout: 'vertical',
        width: LABEL_WIDTH,
        flex: 0,
        contents: [txt(r.label, { size: 'xs', color: COLORS.muted, wrap: false })],
      },
      txt(cut(r.value, 200), {
        size: 'sm',
        flex: 1,
        weight: r.emphasis ? 'bold' : 'regular',
        color: r.emphasis ? COLORS.ng : undefined,
      }),
    ],
  };
}

function infoBubble(c: InfoCard): FlexBubble {
  const rows = c.rows.map(labelRow);
  const note = c.note ? [txt(cut(c.note, 500), { size: 'xs', color: COLORS.muted })] : [];
  return smallCard(c.title, [...rows, ...note], c.actions, 3, 0, c.heading);
}

/**
 * The library card: the barcode as the hero, as wide as LINE draws a bubble ('giga'), on white
 * with the image's own quiet zones kept ('fit' never crops); tapping it opens the image alone.
 */
function libraryCardBubble(c: LibraryCardView): FlexBubble {
  return {
    type: 'bubble',
    size: 'giga',
    hero: {
      type: 'image',
      url: c.imageUrl,
      size: 'full',
      aspectRatio: '3:1',
      aspectMode: 'fit',
      backgroundColor: '#FFFFFF',
      action: { type: 'uri', label: cut(c.title, LIMITS.actionLabel), uri: c.imageUrl },
    },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'md',
      contents: [
        txt(c.title, { weight: 'bold', size: 'md', color: COLORS.accent }),
        ...c.rows.map(labelRow),
        ...c.notes.map((n) => txt(cut(n, 500), { size: 'xs', color: COLORS.muted })),
      ],
    },
  };
}

function buttonsBubble(text: string, actions: readonly Action[]): FlexBubble {
  return {
    type: 'bubble',
    size: 'kilo',
    body: { type: 'box', layout: 'vertical', contents: [txt(cut(text, 1000), { size: 'sm' })] },
    ...buttonFooter(actions, 4, 0),
  };
}

/** Cuts by UTF-16 units as LINE counts them, without splitting a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let c = s.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(c)) c = c.slice(0, -1);
  return c + '…';
}
