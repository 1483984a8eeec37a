import { consoleWords } from '../../messages/ja/console.js';
import { formatDateTimeJa } from '../../messages/ja/index.js';
import type { StaffRow } from '../../services/staff-accounts.js';
import { ConsoleLayout } from './layout.js';

const t = consoleWords;
type Who = { staff: StaffRow; csrf: string };

/**
 * R-PW-1: the initial password on a receipt for the patron, shown once (the answer to the POST,
 * never stored, never cached); printed with the browser's own print (the page has no script).
 */
export function ReceiptPage(
  props: Who & { cardNumber: string; name: string; password: string; issuedAt: Date; libraryName: string },
) {
  const w = t.receipt;
  return (
    <ConsoleLayout title={w.title} staff={props.staff} csrf={props.csrf} current="patrons">
      <p class="alert noprint">{w.lead}</p>
      <div class="receipt">
        <h2>{props.libraryName}</h2>
        <p>{w.title}</p>
        <dl class="facts">
          <dt>{t.patron.cardNumber}</dt>
          <dd>{props.cardNumber}</dd>
          <dt>{t.patron.name}</dt>
          <dd>{props.name}</dd>
          <dt>{w.issuedAt}</dt>
          <dd>{formatDateTimeJa(props.issuedAt)}</dd>
        </dl>
        <p>{w.password}</p>
        <p class="pw" id="initial-password">
          {props.password}
        </p>
        <p>{w.note}</p>
      </div>
      <p class="noprint">{w.print}</p>
      <p class="noprint">
        <a href={`/staff/patrons/${encodeURIComponent(props.cardNumber)}`}>{w.back}</a>
      </p>
    </ConsoleLayout>
  );
}
