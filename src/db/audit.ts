import type { Executor } from './executor.js';

export interface AuditEntry {
  /** 'staff', 'patron', 'line:<userId>', 'job:<name>' */
  actor: string;
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
        actor: e.actor,
        action: e.action,
        patron_id: e.patronId ?? null,
        hold_id: e.holdId ?? null,
        loan_id: e.loanId ?? null,
        details: JSON.stringify(e.details ?? {}),
      })),
    )
    .execute();
}
