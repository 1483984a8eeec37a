import { consoleWords } from '../../messages/ja/console.js';
import { formatDateTimeJa } from '../../messages/ja/index.js';
import type { ProfileBranch } from '../../profile/schema.js';
import type { AnnouncementRow, AnnouncementView } from '../../services/announcements.js';
import type { StaffRow } from '../../services/staff-accounts.js';
import { ConsoleLayout, Csrf, Flash, TableCard } from './layout.js';

const t = consoleWords.announcements;
type Who = { staff: StaffRow; csrf: string };
type Flashes = { done?: string | undefined; error?: string | undefined };

const audienceWords = (audience: string, branchName: (code: string) => string) =>
  audience.startsWith('branch:') ? t.audienceBranch(branchName(audience.slice('branch:'.length))) : t.audienceAll;

/** /staff/announcements (administrators): write one, and the ones written before. */
export function AnnouncementsPage(
  props: Who &
    Flashes & {
      list: AnnouncementRow[];
      branches: readonly ProfileBranch[];
      branchName: (code: string) => string;
      body?: string;
    },
) {
  const c = t.columns;
  return (
    <ConsoleLayout title={t.title} staff={props.staff} csrf={props.csrf} current="announcements">
      <Flash done={props.done} error={props.error} />
      <div class="card">
        <h2>{t.composeTitle}</h2>
        <form class="stack" method="post" action="/staff/announcements">
          <Csrf token={props.csrf} />
          <div>
            <label for="f-body">{t.bodyLabel}</label>
            <textarea id="f-body" name="body" rows={8} maxlength={5000} style="width:100%;font:inherit;padding:8px">
              {props.body ?? ''}
            </textarea>
          </div>
          <div>
            <label for="f-audience">{t.audienceLabel}</label>
            <select id="f-audience" name="audience">
              <option value="all">{t.audienceAll}</option>
              {props.branches
                .filter((b) => b.pickupPoint)
                .map((b) => (
                  <option value={`branch:${b.code}`}>{t.audienceBranch(b.name)}</option>
                ))}
            </select>
          </div>
          <button type="submit">{t.write}</button>
        </form>
      </div>
      <TableCard
        id="announcements"
        title={t.listTitle}
        empty={t.listNone}
        head={[c.at, c.by, c.to, c.count, c.status]}
        rows={props.list.map((a) => [
          <a href={`/staff/announcements/${a.id}`}>{formatDateTimeJa(a.createdAt)}</a>,
          a.createdBy,
          audienceWords(a.audience, props.branchName),
          String(a.recipients),
          t.statusWords[a.status] ?? a.status,
        ])}
      />
    </ConsoleLayout>
  );
}

/** One announcement: as LINE shows it, whom it reaches, what it costs, and its progress. */
export function AnnouncementPage(
  props: Who &
    Flashes & {
      v: AnnouncementView;
      quota: { limit: number | null; used: number } | 'unknown' | 'no-line';
      branchName: (code: string) => string;
    },
) {
  const { v } = props;
  const a = v.announcement;
  const sentBatches = v.batches.filter((b) => b.status !== 'pending').length;
  return (
    <ConsoleLayout title={t.title} staff={props.staff} csrf={props.csrf} current="announcements">
      <Flash done={props.done} error={props.error} />
      <div class="grid">
        <div class="card">
          <h2>{t.previewTitle}</h2>
          <div style="background:#8cabd9;border-radius:8px;padding:16px">
            <p
              id="bubble"
              style="background:#fff;border-radius:16px;padding:10px 14px;max-width:320px;white-space:pre-wrap;margin:0"
            >
              {a.body}
            </p>
          </div>
        </div>
        <div class="card stack" id="summary">
          <p>{audienceWords(a.audience, props.branchName)}</p>
          <p>{t.recipients(a.recipients)}</p>
          <p>{t.messages(v.pendingTo)}</p>
          <p>
            {props.quota === 'no-line'
              ? t.noLine
              : props.quota === 'unknown'
                ? t.quotaUnknown
                : t.quota(props.quota.used, props.quota.limit)}
          </p>
          <p id="progress">{t.progress(v.sentTo, a.recipients, v.failedTo)}</p>
          <p class="muted">{t.batches(sentBatches, v.batches.length)}</p>
          {v.pendingTo > 0 && props.quota !== 'no-line' && (
            <form method="post" action={`/staff/announcements/${a.id}/send`}>
              <Csrf token={props.csrf} />
              <button type="submit">
                {v.sentTo > 0 || a.status === 'sending' ? t.resume(v.pendingTo) : t.send(v.pendingTo)}
              </button>
            </form>
          )}
        </div>
      </div>
    </ConsoleLayout>
  );
}
