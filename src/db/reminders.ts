import { anyBigint, type Executor } from './executor.js';

/** How a patron can be reached (see domain/notices.ts PatronReach), read in one join. */
export interface Reach {
  lineLinked: boolean;
  following: boolean;
  emailConfirmed: boolean;
}

/** Ready holds whose pickup deadline is within [from, to], for the pickup reminder. */
export async function readyHoldsWithDeadlineBetween(
  db: Executor,
  from: string,
  to: string,
): Promise<
  { id: string; patronId: string; pickupBranch: string; pickupDeadline: string; contact: string; title: string }[]
> {
  const rows = await db
    .selectFrom('holds')
    .innerJoin('bibs', 'bibs.id', 'holds.bib_id')
    .select([
      'holds.id',
      'holds.patron_id',
      'holds.pickup_branch',
      'holds.pickup_deadline',
      'holds.contact',
      'bibs.title',
    ])
    .innerJoin('patrons', 'patrons.id', 'holds.patron_id')
    .where('holds.status', '=', 'ready')
    .where('holds.contact', '<>', 'none')
    // R-NOTE-2: a patron who turned the pickup reminder off gets none.
    .where('patrons.pickup_reminder', '=', true)
    .where('holds.pickup_deadline', '>=', from)
    .where('holds.pickup_deadline', '<=', to)
    .orderBy('holds.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patronId: r.patron_id,
    pickupBranch: r.pickup_branch,
    pickupDeadline: r.pickup_deadline!,
    contact: r.contact,
    title: r.title,
  }));
}

/** An open loan with its title and how its patron can be reached. */
export type ReachableLoan = {
  loanId: string;
  patronId: string;
  dueDate: string;
  title: string;
  /** R-NOTE-2: the patron's due-reminder days (null: the library's default; 0: none). */
  dueReminderDays: number | null;
} & Reach;

/** Open loans due within [from, to], with how their patron can be reached. */
export async function openLoansDueBetween(db: Executor, from: string, to: string): Promise<ReachableLoan[]> {
  const rows = await openLoansWith(db)
    .where('loans.due_date', '>=', from)
    .where('loans.due_date', '<=', to)
    .orderBy('loans.id')
    .execute();
  return rows.map(toReachableLoan);
}

/** The open loans of a title, with how their patrons can be reached. */
export async function openLoansOfTitle(db: Executor, bibId: string): Promise<ReachableLoan[]> {
  const rows = await openLoansWith(db).where('loans.bib_id', '=', bibId).orderBy('loans.id').execute();
  return rows.map(toReachableLoan);
}

/** Open loans with their titles and their patrons' reach: the caller says which loans. */
function openLoansWith(db: Executor) {
  return reachQuery(db)
    .innerJoin('loans', 'loans.patron_id', 'patrons.id')
    .innerJoin('bibs', 'bibs.id', 'loans.bib_id')
    .select(['loans.id as loan_id', 'loans.due_date', 'bibs.title', 'patrons.due_reminder_days'])
    .where('loans.returned_at', 'is', null);
}

function toReachableLoan(
  r: { loan_id: string; id: string; due_date: string; title: string; due_reminder_days: number | null } & ReachColumns,
) {
  const { loan_id: loanId, id: patronId, due_date: dueDate, title, due_reminder_days: dueReminderDays } = r;
  return { loanId, patronId, dueDate, title, dueReminderDays, ...reachOf(r) };
}

/** Titles by bib id (a notice names the title even when its hold row does not carry it). */
export async function titlesOf(db: Executor, bibIds: string[]): Promise<Map<string, string>> {
  if (bibIds.length === 0) return new Map();
  const rows = await db.selectFrom('bibs').select(['id', 'title']).where('id', '=', anyBigint(bibIds)).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** How each of the patrons can be reached (loan notices follow the patron: LINE, else e-mail). */
export async function reachOfPatrons(db: Executor, patronIds: string[]): Promise<Map<string, Reach>> {
  if (patronIds.length === 0) return new Map();
  const rows = await reachQuery(db).where('patrons.id', '=', anyBigint(patronIds)).execute();
  return new Map(rows.map((r) => [r.id, reachOf(r)]));
}

function reachQuery(db: Executor) {
  return db
    .selectFrom('patrons')
    .leftJoin('line_user_cards', 'line_user_cards.patron_id', 'patrons.id')
    .leftJoin('line_users', 'line_users.line_user_id', 'line_user_cards.line_user_id')
    .select([
      'patrons.id',
      'patrons.email',
      'patrons.email_confirmed_at',
      'line_users.line_user_id',
      'line_users.following',
    ]);
}

interface ReachColumns {
  email: string | null;
  email_confirmed_at: Date | null;
  line_user_id: string | null;
  following: boolean | null;
}

function reachOf(r: ReachColumns): Reach {
  return {
    lineLinked: r.line_user_id !== null,
    following: r.following === true,
    emailConfirmed: r.email !== null && r.email_confirmed_at !== null,
  };
}
