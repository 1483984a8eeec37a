import { consoleWords } from '../../messages/ja/console.js';
import { formatDateJa } from '../../messages/ja/index.js';
import type { ProfileBranch } from '../../profile/schema.js';
import type { DateMove } from '../../services/closures.js';
import type { StaffRow } from '../../services/staff-accounts.js';
import { ConsoleLayout, Csrf, TableCard, Flash } from './layout.js';

const t = consoleWords.calendar;

export interface CalendarView {
  branch: ProfileBranch;
  branches: readonly ProfileBranch[];
  closed: string[];
  /** A range asked about, and what closing it would move. */
  preview?: { from: string; to: string; moves: DateMove[] } | undefined;
  done?: string | undefined;
  error?: string | undefined;
}

const Moves = (props: { moves: DateMove[] }) => {
  const c = t.movesColumns;
  return (
    <TableCard
      id="moves"
      title={props.moves.length === 0 ? t.movesNone : t.movesLead(props.moves.length)}
      empty=""
      head={[c.kind, c.card, c.name, c.title, c.from, c.to]}
      rows={props.moves.map((m) => [
        t.moveKind[m.kind] ?? m.kind,
        <a href={`/staff/patrons/${encodeURIComponent(m.cardNumber)}`}>{m.cardNumber}</a>,
        m.name,
        m.title,
        formatDateJa(m.from),
        formatDateJa(m.to),
      ])}
    />
  );
};

/** /staff/calendar: a branch's closed dates, adding some (with what they move) and removing them. */
export function CalendarPage(props: { staff: StaffRow; csrf: string; v: CalendarView }) {
  const { v } = props;
  const p = v.preview;
  return (
    <ConsoleLayout title={t.title} staff={props.staff} csrf={props.csrf} current="calendar">
      <Flash done={v.done} error={v.error} />

      <div class="card">
        <form class="inline" method="get" action="/staff/calendar">
          <div>
            <label for="f-branch">{t.branchLabel}</label>
            <select id="f-branch" name="branch">
              {v.branches.map((b) => (
                <option value={b.code} selected={b.code === v.branch.code}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="f-from">{t.fromLabel}</label>
            <input id="f-from" name="from" type="date" value={p?.from} />
          </div>
          <div>
            <label for="f-to">{t.toLabel}</label>
            <input id="f-to" name="to" type="date" value={p && p.to !== p.from ? p.to : undefined} />
          </div>
          <button type="submit">{t.preview}</button>
        </form>
      </div>
      {p && (
        <div class="card" id="preview">
          <h2>{t.previewTitle(formatDateJa(p.from), formatDateJa(p.to), v.branch.name)}</h2>
          <Moves moves={p.moves} />
          <form method="post" action="/staff/calendar/close">
            <Csrf token={props.csrf} />
            <input type="hidden" name="branch" value={v.branch.code} />
            <input type="hidden" name="from" value={p.from} />
            <input type="hidden" name="to" value={p.to} />
            {p.moves.length > 0 && (
              <p>
                <label class="check">
                  <input type="checkbox" name="notify" value="yes" checked />
                  {t.notify}
                </label>
              </p>
            )}
            <button type="submit">{t.confirm}</button>
          </form>
        </div>
      )}
      <TableCard
        id="closed-dates"
        title={t.listTitle(v.branch.name)}
        empty={t.listNone}
        head={['', '']}
        rows={v.closed.map((d) => [
          formatDateJa(d),
          <form method="post" action="/staff/calendar/open">
            <Csrf token={props.csrf} />
            <input type="hidden" name="branch" value={v.branch.code} />
            <input type="hidden" name="date" value={d} />
            <button class="danger" type="submit">
              {t.reopen}
            </button>
          </form>,
        ])}
      />
    </ConsoleLayout>
  );
}
