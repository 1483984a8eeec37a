import { consoleWords } from '../../messages/ja/console.js';
import { contactLabel, formatDateJa, formatDateTimeJa, holdStatusLabel } from '../../messages/ja/index.js';
import type { PatronDesk } from '../../services/patron-desk.js';
import type { StaffRow } from '../../services/staff-accounts.js';
import type { ProfileBranch } from '../../profile/schema.js';
import { Csrf, ConsoleLayout, TableCard, Flash } from './layout.js';

const t = consoleWords;
type Who = { staff: StaffRow; csrf: string };

export interface DeskMessages {
  done?: string | undefined;
  error?: string | undefined;
}

const Facts = (props: { d: PatronDesk; csrf: string; base: string }) => {
  const p = props.d.patron;
  const w = t.patron;
  const email =
    p.email === null ? w.emailNone : p.emailConfirmed ? w.emailConfirmed(p.email) : w.emailUnconfirmed(p.email);
  const password =
    p.passwordHash === null ? w.passwordNone : p.passwordIsInitial ? w.passwordInitial : w.passwordChanged;
  const linked = props.d.lineLinks.find((l) => l.linkedAt !== null);
  return (
    <div class="card">
      <dl class="facts">
        <dt>{w.cardNumber}</dt>
        <dd>{p.cardNumber}</dd>
        <dt>{w.name}</dt>
        <dd>{p.name}</dd>
        <dt>{w.birthDate}</dt>
        <dd>{formatDateJa(p.birthDate)}</dd>
        <dt>{w.residency}</dt>
        <dd>{w.residencyWords[p.residency] ?? p.residency}</dd>
        <dt>{w.line}</dt>
        <dd id="line-state">{linked?.linkedAt ? w.lineLinked(formatDateTimeJa(linked.linkedAt)) : w.lineNotLinked}</dd>
        <dt>{w.email}</dt>
        <dd id="email-state">{email}</dd>
        <dt>{w.password}</dt>
        <dd id="password-state">{password}</dd>
      </dl>
    </div>
  );
};

const Loans = (props: { d: PatronDesk }) => {
  const c = t.patron.loanColumns;
  return (
    <TableCard
      id="loans"
      title={t.patron.loans}
      empty={t.patron.noLoans}
      head={[c.title, c.barcode, c.due, c.renewals]}
      rows={props.d.loans.map((l) => [l.title, l.itemBarcode, formatDateJa(l.dueDate), String(l.renewals)])}
    />
  );
};

const Holds = (props: { d: PatronDesk }) => {
  const c = t.patron.holdColumns;
  return (
    <TableCard
      id="holds"
      title={t.patron.holds}
      empty={t.patron.noHolds}
      head={[c.title, c.status, c.branch, c.deadline, c.contact]}
      rows={props.d.holds.map((h) => [
        h.title,
        holdStatusLabel(h.status, h.position ?? undefined),
        h.pickupBranchName,
        h.pickupDeadline ? formatDateJa(h.pickupDeadline) : '—',
        contactLabel(h.contact),
      ])}
    />
  );
};

const Notices = (props: { d: PatronDesk }) => {
  const c = t.patron.noticeColumns;
  return (
    <TableCard
      id="notices"
      title={t.patron.notices}
      empty={t.patron.noNotices}
      head={[c.at, c.kind, c.channel, c.status, c.error]}
      rows={props.d.notices.map((n) => [
        formatDateTimeJa(n.createdAt),
        t.noticeKindLabel(n.kind),
        t.patron.channelWords[n.channel] ?? n.channel,
        t.noticeStatusLabel(n.status),
        n.lastError ?? '',
      ])}
    />
  );
};

const BranchSelect = (props: { name: string; id: string; branches: readonly ProfileBranch[] }) => (
  <select id={props.id} name={props.name}>
    {props.branches.map((b) => (
      <option value={b.code}>{b.name}</option>
    ))}
  </select>
);

const DeskForms = (props: { d: PatronDesk; csrf: string; base: string; branches: readonly ProfileBranch[] }) => {
  const w = t.desk;
  const linked = props.d.lineLinks.some((l) => l.linkedAt !== null);
  return (
    <div class="grid">
      <div class="card">
        <h2>{w.checkoutTitle}</h2>
        <form class="inline" method="post" action={`${props.base}/checkout`}>
          <Csrf token={props.csrf} />
          <div>
            <label for="f-checkout-barcode">{w.barcodeLabel}</label>
            <input id="f-checkout-barcode" name="itemBarcode" type="text" maxlength={40} autocomplete="off" />
          </div>
          <button type="submit">{w.checkout}</button>
        </form>
      </div>
      <div class="card">
        <h2>{w.checkinTitle}</h2>
        <form class="inline" method="post" action={`${props.base}/checkin`}>
          <Csrf token={props.csrf} />
          <div>
            <label for="f-checkin-barcode">{w.barcodeLabel}</label>
            <input id="f-checkin-barcode" name="itemBarcode" type="text" maxlength={40} autocomplete="off" />
          </div>
          <div>
            <label for="f-checkin-branch">{w.checkinBranchLabel}</label>
            <BranchSelect id="f-checkin-branch" name="branch" branches={props.branches} />
          </div>
          <button type="submit">{w.checkin}</button>
        </form>
      </div>
      <div class="card">
        <h2>{w.holdTitle}</h2>
        <form class="inline" method="post" action={`${props.base}/holds`}>
          <Csrf token={props.csrf} />
          <div>
            <label for="f-hold-bib">{w.bibLabel}</label>
            <input id="f-hold-bib" name="bibId" type="text" maxlength={18} inputmode="numeric" autocomplete="off" />
          </div>
          <div>
            <label for="f-hold-branch">{w.branchLabel}</label>
            <BranchSelect
              id="f-hold-branch"
              name="pickupBranch"
              branches={props.branches.filter((b) => b.pickupPoint)}
            />
          </div>
          <div>
            <label for="f-hold-channel">{w.channelLabel}</label>
            <select id="f-hold-channel" name="channel">
              <option value="counter">{w.channelWords.counter}</option>
              <option value="phone">{w.channelWords.phone}</option>
            </select>
          </div>
          <button type="submit">{w.placeHold}</button>
        </form>
      </div>
      <div class="card">
        <h2>{w.passwordTitle}</h2>
        <p class="muted">{w.passwordLead}</p>
        <form class="stack" method="post" action={`${props.base}/initial-password`}>
          <Csrf token={props.csrf} />
          <input type="hidden" name="passwordSetAt" value={props.d.passwordSetAt?.toISOString() ?? 'none'} />
          <label class="check">
            <input type="checkbox" name="identityChecked" value="yes" />
            {w.identityChecked}
          </label>
          <button type="submit">{w.issuePassword}</button>
        </form>
      </div>
      {linked && (
        <div class="card">
          <h2>{w.unlinkTitle}</h2>
          <p class="muted">{w.unlinkLead}</p>
          <form method="post" action={`${props.base}/unlink-line`}>
            <Csrf token={props.csrf} />
            <button class="danger" type="submit">
              {w.unlink}
            </button>
          </form>
        </div>
      )}
    </div>
  );
};

export function PatronDeskPage(
  props: Who & { d: PatronDesk; messages: DeskMessages; branches: readonly ProfileBranch[] },
) {
  const { d } = props;
  const base = `/staff/patrons/${encodeURIComponent(d.patron.cardNumber)}`;
  return (
    <ConsoleLayout
      title={`${d.patron.name}（${d.patron.cardNumber}）`}
      staff={props.staff}
      csrf={props.csrf}
      current="patrons"
    >
      <Flash done={props.messages.done} error={props.messages.error} />

      <div class="grid">
        <Facts d={d} csrf={props.csrf} base={base} />
        <Loans d={d} />
      </div>
      <Holds d={d} />
      <DeskForms d={d} csrf={props.csrf} base={base} branches={props.branches} />
      <Notices d={d} />
    </ConsoleLayout>
  );
}
