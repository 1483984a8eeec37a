import type { TitleAvailability } from '../domain/catalog-display.js';

/**
 * What the bot says, independent of LINE. line/outbound.ts is the one place that turns these
 * into LINE message JSON; flows never see LINE types. All wording comes from the message tables (messages/current.ts).
 */
export type Action =
  | { kind: 'postback'; label: string; data: string; displayText?: string }
  | { kind: 'message'; label: string; text: string }
  | { kind: 'uri'; label: string; uri: string };

/** One title in a result list (R-SRCH-4). */
export interface TitleCard {
  title: string;
  lines: string[];
  /** 貸出：○ / 貸出：× / 館内閲覧のみ */
  availability: string;
  /**
   * Which of the three it is, for how it is drawn: 館内閲覧のみ is a fact about the title, not a
   * refusal, so it must not look like 貸出：×.
   */
  availabilityKind: TitleAvailability;
  /** e.g. 'YA', '紙芝居' */
  marks: string[];
  /** 詳細 first; 予約申込 when the title may be reserved (R-SRCH-5). */
  actions: Action[];
}

/** A title with its copies (R-SRCH-5). */
export interface TitleDetailCard {
  title: string;
  lines: string[];
  marks: string[];
  copies: { branch: string; callNumber: string; state: string; lendable: boolean }[];
  footer: string[];
  actions: Action[];
}

/** A card with a few facts and buttons: holds, loans, confirmations. */
export interface InfoCard {
  /** A small line above the title naming the list the card belongs to (貸出中の資料 1/6). */
  heading?: string;
  title: string;
  rows: { label: string; value: string; emphasis?: boolean }[];
  note?: string;
  actions: Action[];
}

/**
 * The library card (docs/library-card.md): its barcode image at an address the bot serves, the
 * holder and the masked number. Never the full card number, in any field.
 */
export interface LibraryCardView {
  title: string;
  imageUrl: string;
  rows: { label: string; value: string }[];
  notes: string[];
}

export type Reply =
  | { kind: 'text'; text: string; quickReplies?: Action[] }
  | { kind: 'titles'; altText: string; cards: TitleCard[]; quickReplies?: Action[] }
  | { kind: 'titleDetail'; altText: string; card: TitleDetailCard; quickReplies?: Action[] }
  | { kind: 'cards'; altText: string; cards: InfoCard[]; quickReplies?: Action[] }
  | { kind: 'buttons'; altText: string; text: string; actions: Action[]; quickReplies?: Action[] }
  | { kind: 'libraryCard'; altText: string; card: LibraryCardView; quickReplies?: Action[] };

export const text = (t: string, quickReplies?: Action[]): Reply =>
  quickReplies ? { kind: 'text', text: t, quickReplies } : { kind: 'text', text: t };
