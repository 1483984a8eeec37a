import type { Executor } from './executor.js';

/**
 * Who did it. A patron acting as a LINE user (in the chat, or on the login page LINE opened for
 * them) is named by that user; on the library's own pages by the card alone (the row's patron_id).
 */
export type AuditActor =
  | { kind: 'patron'; via: 'line'; lineUserId: string }
  | { kind: 'patron'; via: 'page' }
  | { kind: 'staff'; staffName?: string }
  | { kind: 'job'; name: string }
  | { kind: 'cli'; command: string };

/**
 * The text audit_log.actor holds for the actor: 'line:<userId>', 'patron', 'staff' (the bearer-token
 * API), 'staff:<name>' (a staff member at the console), 'job:<name>' or 'cli:<command>'.
 */
export function actorText(actor: AuditActor): string {
  switch (actor.kind) {
    case 'patron':
      return actor.via === 'line' ? `line:${actor.lineUserId}` : 'patron';
    case 'staff':
      return actor.staffName === undefined ? 'staff' : `staff:${actor.staffName}`;
    case 'job':
      return `job:${actor.name}`;
    case 'cli':
      return `cli:${actor.command}`;
  }
}

/**
 * hold.place rows have said 'patron' for a patron's hold from the start, placed in LINE too, while
 * renewals and cancels name the LINE user. Kept, so that old and new rows of an action read alike.
 */
const PATRON_BY_KIND_ONLY: ReadonlySet<string> = new Set(['hold.place']);

const storedActor = (e: AuditEntry): string =>
  e.actor.kind === 'patron' && PATRON_BY_KIND_ONLY.has(e.action) ? 'patron' : actorText(e.actor);

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  patronId?: string | null;
  holdId?: string | null;
  loanId?: string | null;
  /** Never a password, token or full card number. */
  details?: Record<string, unknown>;
}

export async function audit(db: Executor, e: AuditEntry): Promise<void> {
  await auditMany(db, [e]);
}

export async function auditMany(db: Executor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        actor: storedActor(e),
        action: e.action,
        patron_id: e.patronId ?? null,
        hold_id: e.holdId ?? null,
        loan_id: e.loanId ?? null,
        details: JSON.stringify(e.details ?? {}),
      })),
    )
    .execute();
}
