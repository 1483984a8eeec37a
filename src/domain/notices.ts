// Notices to patrons (the outbox): which channel, when a LINE push may go out, how often it is
// retried, and when a notice has lost its point. Pure: no I/O, `now` passed in.

import { addDays, tokyoDate, tokyoHour, tokyoStartOfDay } from './dates.js';
import type { HoldStatus } from './hold-status.js';

export type NoticeKind =
  | 'hold_ready'
  | 'hold_expired'
  | 'pickup_reminder'
  | 'due_reminder'
  | 'loan_reserved'
  // A confirmed e-mail address, acknowledged in the chat of a patron logged in on LINE.
  | 'email_confirmed'
  // Issue 26: a hold cancelled after its 不要日 (R-RES-12); a loan past its due date (R-NOTE-1).
  | 'hold_not_needed'
  | 'overdue_notice'
  // Closed dates added at a branch moved a due date or a pickup deadline (S-CAL-1, issue 29).
  | 'due_date_moved'
  | 'pickup_deadline_moved';
export type NoticeChannel = 'line' | 'email';

/** About a loan: they follow the patron (LINE if it can reach them, else e-mail), not a hold's contact choice. */
export const LOAN_NOTICE_KINDS: readonly string[] = [
  'due_reminder',
  'loan_reserved',
  'overdue_notice',
  'due_date_moved',
];

/** LINE delivers at most five messages per push; a digest never carries more. */
export const DIGEST_MAX_NOTICES = 5;

/** Quiet hours, Tokyo (the profile's quietHours; Kamagaya: no LINE push from 21:00 until 08:00). */
export interface QuietHours {
  from: number;
  until: number;
}

/** Whether the Tokyo hour is inside quiet hours, which may run over midnight (21–8) or not (0–6). */
export function isQuietHour(hour: number, q: QuietHours): boolean {
  return q.from < q.until ? hour >= q.from && hour < q.until : hour >= q.from || hour < q.until;
}

/** Tried for a day; then the notice is given up and the reason recorded. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/** CONTRACT.md: after a failed attempt the next one is due within 15 minutes. */
export const MAX_RETRY_DELAY_MS = 15 * 60_000;

/** The next instant a LINE push may go out: now, or the end of quiet hours (Kamagaya 08:00 Tokyo). */
export function pushAllowedAt(now: Date, q: QuietHours): Date {
  const h = tokyoHour(now);
  if (!isQuietHour(h, q)) return now;
  // Quiet hours that began before midnight end tomorrow.
  const day = h >= q.until ? addDays(tokyoDate(now), 1) : tokyoDate(now);
  return new Date(tokyoStartOfDay(day).getTime() + q.until * 3_600_000);
}

/**
 * Delay before the next attempt: 1, 2, 4, 8 minutes, then every 15. LINE's Retry-After (on 429)
 * is honoured when longer, but never beyond 15 minutes: the contract promises the next attempt
 * within 15 minutes, and a later attempt with the same retry key is harmless.
 */
export function retryDelayMs(attempt: number, retryAfterMs?: number | null): number {
  const backoff = Math.min(MAX_RETRY_DELAY_MS, 60_000 * 2 ** Math.max(0, attempt - 1));
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(backoff, retryAfterMs ?? 0));
}

/** Whether a failed attempt ends the notice: tried for a day since its first attempt. */
export function givesUp(firstAttemptAt: Date | null, now: Date): boolean {
  return firstAttemptAt !== null && now.getTime() - firstAttemptAt.getTime() >= GIVE_UP_AFTER_MS;
}

/**
 * Notices in order, cut into pushes: one patron's notices together, at most five a push.
 * Input order is kept within a patron (oldest first), so the digest reads in the order things happened.
 */
export function digests<T extends { patronId: string }>(notices: readonly T[], max = DIGEST_MAX_NOTICES): T[][] {
  const byPatron = new Map<string, T[]>();
  for (const n of notices) {
    const list = byPatron.get(n.patronId);
    if (list) list.push(n);
    else byPatron.set(n.patronId, [n]);
  }
  const out: T[][] = [];
  for (const list of byPatron.values()) {
    for (let i = 0; i < list.length; i += max) out.push(list.slice(i, i + max));
  }
  return out;
}

/** How the library can reach a patron right now. */
export interface PatronReach {
  /** The card is linked to a LINE account. */
  lineLinked: boolean;
  /** That account still follows the library (has not blocked it). */
  following: boolean;
  emailConfirmed: boolean;
}

/** R-RES-6: a hold's notices go the way the patron chose for it; 連絡不要 means none. */
export function holdNoticeChannel(contact: string): NoticeChannel | null {
  return contact === 'line' ? 'line' : contact === 'email' ? 'email' : null;
}

/** Loan notices (reminders): LINE when linked and followed, else a confirmed e-mail address, else none. */
export function loanNoticeChannel(r: PatronReach): NoticeChannel | null {
  if (r.lineLinked && r.following) return 'line';
  return r.emailConfirmed ? 'email' : null;
}

/** What is known about a notice's subject when it is about to go out. */
export interface NoticeSubject {
  kind: string;
  /** Status of the notice's hold (for loan_reserved: the other patron's hold), if it has one. */
  holdStatus: HoldStatus | null;
  loanReturned: boolean | null;
  loanDueDate: string | null;
  /** The due date the notice speaks of (due reminders). */
  payloadDueDate: string | null;
}

/**
 * Why a notice is no longer worth sending, or null. A hold cancelled (or collected, or expired)
 * meanwhile makes "ready" and "come before the deadline" wrong; a returned or renewed loan makes a
 * due reminder wrong; a hold that no longer waits no longer blocks the renewal.
 */
export function dropReason(s: NoticeSubject): string | null {
  switch (s.kind) {
    case 'hold_ready':
    case 'pickup_reminder':
    case 'pickup_deadline_moved':
      return s.holdStatus !== null && s.holdStatus !== 'ready' ? `hold is ${s.holdStatus}` : null;
    case 'due_reminder':
    case 'due_date_moved':
      if (s.loanReturned) return 'loan returned';
      return s.payloadDueDate !== null && s.loanDueDate !== null && s.payloadDueDate !== s.loanDueDate
        ? 'due date changed'
        : null;
    case 'overdue_notice':
      return s.loanReturned ? 'loan returned' : null;
    case 'loan_reserved':
      if (s.loanReturned) return 'loan returned';
      return s.holdStatus !== null && s.holdStatus !== 'requested' && s.holdStatus !== 'queued'
        ? `hold is ${s.holdStatus}`
        : null;
    default:
      return null;
  }
}

/**
 * Where a LINE notice goes when its push is about to be sent: to LINE when the patron can be
 * reached there; a loan notice falls back to e-mail; a hold notice (the patron chose LINE for it)
 * is dropped with the reason.
 */
export function lineRoute(
  kind: string,
  reach: PatronReach,
): { to: 'line' } | { to: 'email' } | { to: 'drop'; reason: string } {
  if (reach.lineLinked && reach.following) return { to: 'line' };
  if (LOAN_NOTICE_KINDS.includes(kind) && reach.emailConfirmed) return { to: 'email' };
  return { to: 'drop', reason: reach.lineLinked ? 'patron blocked the LINE account' : 'no linked LINE account' };
}
