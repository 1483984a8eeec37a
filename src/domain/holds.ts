// Holds (予約): their life cycle and the rules for placing and cancelling them
// (R-RES-1..9, R-CAN-1..2). The statuses live in hold-status.ts, queue order in queue.ts and the
// time an online hold becomes official in promotion.ts.

import { HOLD_STATUSES, type HoldStatus } from './hold-status.js';
import { refuse } from './refusals.js';
import type { Refusal } from './refusals.js';

export { HOLD_STATUSES, type HoldStatus };

/** Holds that count towards the limit (R-RES-2) and that a patron still waits for. */
export const ACTIVE_HOLD_STATUSES: readonly HoldStatus[] = ['requested', 'queued', 'in_transit', 'ready'];

export function isActiveHold(status: HoldStatus): boolean {
  return ACTIVE_HOLD_STATUSES.includes(status);
}

/** online = the web OPAC, the library's OPAC terminals, and this LINE account. */
export type HoldChannel = 'online' | 'counter' | 'phone';

/** R-RES-6: 連絡不要, E-mail, and the LINE message this system adds. No phone contact. */
export type ContactMethod = 'none' | 'email' | 'line';

export type MaterialType = 'book' | 'magazine' | 'kamishibai' | 'cd' | 'dvd' | 'video' | 'cassette';

/** 視聴覚資料 (CD・DVD・ビデオテープ・カセットテープ): not reservable, not renewable. */
export const AUDIOVISUAL_TYPES: readonly MaterialType[] = ['cd', 'dvd', 'video', 'cassette'];

export function isAudiovisual(t: MaterialType): boolean {
  return AUDIOVISUAL_TYPES.includes(t);
}

/** R-RES-2 as the profile's `holds` says it (Kamagaya: 5, counter, phone and online together). */
export interface HoldRules {
  limit: number;
  countedChannels: readonly HoldChannel[];
  promotion: { waitForNextOpeningDay: boolean };
}

/** The active holds that count towards the limit: those placed through a counted channel. */
export function countedHolds(
  active: readonly { channel: HoldChannel }[],
  rules: Pick<HoldRules, 'countedChannels'>,
): number {
  return active.filter((h) => rules.countedChannels.includes(h.channel)).length;
}

/**
 * Every allowed status change, written once. Decisions beyond the guide:
 * - in_transit → queued: the copy on its way was lost or damaged. The hold goes
 *   back to waiting and keeps its officialAt, so it keeps its place in line; the
 *   patron did nothing wrong and must not lose their turn.
 * - ready → cancelled: only staff, after the patron phones (R-CAN-2).
 * - in_transit → fulfilled: the patron borrowed the title (that copy at the sending branch, or
 *   another copy) before the copy in transit arrived; they have what they waited for.
 * - ready → expired: the pickup deadline passed (R-RES-8).
 * - queued → ready: a copy on the shelf of the pickup branch itself needs no transit.
 * - requested has no way to in_transit/ready: a hold must be official before a
 *   copy is given to it, or walk-in patrons would not come first (R-RES-3).
 */
export const HOLD_TRANSITIONS: Record<HoldStatus, readonly HoldStatus[]> = {
  requested: ['queued', 'cancelled'],
  queued: ['in_transit', 'ready', 'cancelled'],
  in_transit: ['ready', 'queued', 'cancelled', 'fulfilled'],
  ready: ['fulfilled', 'expired', 'cancelled'],
  fulfilled: [],
  cancelled: [],
  expired: [],
};

export function canTransition(from: HoldStatus, to: HoldStatus): boolean {
  return HOLD_TRANSITIONS[from].includes(to);
}

/** Throws: an impossible change is a bug or a race, never something a patron asked for. */
export function assertTransition(from: HoldStatus, to: HoldStatus): void {
  if (!canTransition(from, to)) throw new Error(`hold cannot go from ${from} to ${to}`);
}

export interface BibForReservation {
  materialType: MaterialType;
  /** The latest issue of a magazine (雑誌の最新号). */
  latestIssue: boolean;
}

/**
 * R-RES-1: whether the title may be reserved at all. `items` are the library's
 * own copies of the title; holdings of other libraries are never passed here.
 * The reasons that hold for the whole title come first; the copy-level reason
 * (every copy is 館内閲覧のみ) only when the title itself is fine.
 */
export function reservabilityRefusal(
  bib: BibForReservation,
  items: readonly { inLibraryOnly: boolean }[],
): Refusal | null {
  if (isAudiovisual(bib.materialType)) return refuse('NOT_RESERVABLE_AV');
  if (bib.latestIssue) return refuse('NOT_RESERVABLE_LATEST_ISSUE');
  if (items.length === 0) return refuse('NOT_RESERVABLE_NO_COPIES');
  // One lendable copy is enough: the hold waits for that copy.
  if (items.every((i) => i.inLibraryOnly)) return refuse('NOT_RESERVABLE_IN_LIBRARY_ONLY');
  return null;
}

export interface PlacementFacts {
  /** Active holds of this patron that count towards the limit (R-RES-2, countedHolds). */
  activeHoldCount: number;
  /** The patron already has an active hold on this title. */
  holdsThisTitle: boolean;
  /** The patron has a copy of this title on loan right now. */
  hasThisTitleOnLoan: boolean;
}

/**
 * R-RES-2 and the decided rules (no second hold on a title, no hold on a title
 * you are borrowing). The title-specific reasons come before the limit: they do
 * not go away by cancelling another hold, and telling "limit reached" first
 * would have the patron cancel a hold only to be refused again.
 */
export function placementRefusal(f: PlacementFacts, rules: Pick<HoldRules, 'limit'>): Refusal | null {
  if (f.holdsThisTitle) return refuse('ALREADY_HOLDING_TITLE');
  if (f.hasThisTitleOnLoan) return refuse('TITLE_ON_LOAN_TO_PATRON');
  if (f.activeHoldCount >= rules.limit) return refuse('HOLD_LIMIT_REACHED', { limit: rules.limit });
  return null;
}

/**
 * R-RES-3: walk-in patrons first; only counter and phone holds are official at once, unless the
 * library lets online holds be official at once too (profile holds.promotion.waitForNextOpeningDay).
 */
export function initialStatusFor(
  channel: HoldChannel,
  rules: { promotion: { waitForNextOpeningDay: boolean } },
): 'requested' | 'queued' {
  return channel === 'online' && rules.promotion.waitForNextOpeningDay ? 'requested' : 'queued';
}

/**
 * R-RES-6: only the methods the library offers (profile contactMethods); E-mail only with a
 * confirmed address (R-MAIL-2: an address counts
 * only after 確定); LINE only when the patron's LINE account is linked.
 */
export function contactRefusal(
  contact: ContactMethod,
  p: { emailConfirmed: boolean; lineLinked: boolean },
  offered: readonly ContactMethod[],
): Refusal | null {
  if (!offered.includes(contact)) return refuse('CONTACT_METHOD_NOT_OFFERED');
  if (contact === 'email' && !p.emailConfirmed) return refuse('EMAIL_CONTACT_NEEDS_CONFIRMED_EMAIL');
  if (contact === 'line' && !p.lineLinked) return refuse('LINE_CONTACT_NEEDS_LINKED_ACCOUNT');
  return null;
}

/**
 * R-CAN-2: a 受取り可 hold cannot be cancelled online; the patron phones the
 * branch and staff cancel it (online = false). A hold that has already ended
 * cannot be cancelled by anyone.
 */
export function cancellationRefusal(status: HoldStatus, online: boolean): Refusal | null {
  if (!isActiveHold(status)) return refuse('HOLD_NOT_ACTIVE');
  if (status === 'ready' && online) return refuse('HOLD_NOT_CANCELLABLE_READY');
  return null;
}
