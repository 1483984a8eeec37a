import { consoleWords } from '../../messages/ja/console.js';
import { formatDateJa, formatDateTimeJa } from '../../messages/ja/index.js';
import type { TodayView } from '../../services/console-today.js';
import type { StaffRow } from '../../services/staff-accounts.js';
import { ConsoleLayout, Csrf, TableCard, Flash } from './layout.js';

const t = consoleWords.today;
const desk = (card: string) => <a href={`/staff/patrons/${encodeURIComponent(card)}`}>{card}</a>;

/** /staff/today: what each branch has to do today (issue 29). */
export function TodayPage(props: {
  staff: StaffRow;
  csrf: string;
  v: TodayView;
  branchName: (code: string) => string;
  done?: string | undefined;
  error?: string | undefined;
}) {
  const { v, branchName } = props;
  const c = t.pullColumns;
  const branches = [...new Set(v.toPull.map((h) => h.atBranch))];
  return (
    <ConsoleLayout title={t.title(formatDateJa(v.today))} staff={props.staff} csrf={props.csrf} current="today">
      <Flash done={props.done} error={props.error} />

      {branches.length === 0 && (
        <div class="card">
          <p class="muted">{t.pullNone}</p>
        </div>
      )}
      {branches.map((code) => (
        <TableCard
          id={`pull-${code}`}
          title={t.pullTitle(branchName(code))}
          empty={t.pullNone}
          head={[c.callNumber, c.barcode, c.title, c.to, c.card]}
          rows={v.toPull
            .filter((h) => h.atBranch === code)
            .map((h) => [
              h.callNumber,
              h.barcode,
              h.title,
              t.pullTo(h.status, branchName(h.pickupBranch)),
              desk(h.cardNumber),
            ])}
        />
      ))}
      <TableCard
        id="expiring"
        title={t.expiringTitle}
        empty={t.expiringNone}
        head={[t.expiringColumns.branch, t.expiringColumns.title, t.expiringColumns.card, t.expiringColumns.name]}
        rows={v.expiring.map((h) => [branchName(h.pickupBranch), h.title, desk(h.cardNumber), h.name])}
      />
      <TableCard
        id="failed-notices"
        title={t.failedTitle}
        empty={t.failedNone}
        head={Object.values(t.failedColumns)}
        rows={v.failed.map((n) => [
          formatDateTimeJa(n.createdAt),
          consoleWords.noticeKindLabel(n.kind),
          consoleWords.patron.channelWords[n.channel] ?? n.channel,
          desk(n.cardNumber),
          n.lastError ?? '',
          <form method="post" action={`/staff/today/notices/${n.id}/retry`}>
            <Csrf token={props.csrf} />
            <button type="submit">{t.retry}</button>
          </form>,
        ])}
      />
      <div class="card" id="inbox">
        <h2>{t.inboxTitle}</h2>
        <p>{t.inbox(v.inbox.pending, v.inbox.oldestPendingAt ? formatDateTimeJa(v.inbox.oldestPendingAt) : null)}</p>
      </div>
    </ConsoleLayout>
  );
}
