import { consoleWords } from '../../messages/ja/console.js';
import { formatDateJa, formatDateTimeJa } from '../../messages/ja/index.js';
import { tokyoDate } from '../../domain/dates.js';
import { STAFF_ROLES } from '../../domain/staff-roles.js';
import type { StaffRow } from '../../services/staff-accounts.js';
import { Csrf, ConsoleLayout, Flash } from './layout.js';

const t = consoleWords.accounts;

/** /staff/staff (administrators, S-ROLE-1): the accounts, disabling one, adding one. */
export function AccountsPage(props: {
  staff: StaffRow;
  csrf: string;
  accounts: StaffRow[];
  done?: string | undefined;
  error?: string | undefined;
  newPassword?: string | undefined;
}) {
  return (
    <ConsoleLayout title={t.title} staff={props.staff} csrf={props.csrf} current="staff">
      <Flash done={props.done} error={props.error} />
      {props.newPassword && (
        <p class="receipt">
          <span class="pw" id="new-password">
            {props.newPassword}
          </span>
        </p>
      )}

      <div class="card">
        <table>
          <thead>
            <tr>
              <th>{t.columns.name}</th>
              <th>{t.columns.role}</th>
              <th>{t.columns.state}</th>
              <th>{t.columns.since}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {props.accounts.map((a) => (
              <tr>
                <td>{a.name}</td>
                <td>{consoleWords.roleLabel(a.role)}</td>
                <td>{a.disabledAt ? t.disabled(formatDateTimeJa(a.disabledAt)) : t.active}</td>
                <td>{formatDateJa(tokyoDate(a.createdAt))}</td>
                <td>
                  {!a.disabledAt && a.id !== props.staff.id && (
                    <form method="post" action={`/staff/staff/${encodeURIComponent(a.name)}/disable`}>
                      <Csrf token={props.csrf} />
                      <button class="danger" type="submit">
                        {t.disable}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="card">
        <h2>{t.addTitle}</h2>
        <form class="inline" method="post" action="/staff/staff">
          <Csrf token={props.csrf} />
          <div>
            <label for="f-staff-name">{t.nameLabel}</label>
            <input id="f-staff-name" name="name" type="text" maxlength={32} autocomplete="off" />
          </div>
          <div>
            <label for="f-staff-role">{t.roleLabel}</label>
            <select id="f-staff-role" name="role">
              {STAFF_ROLES.map((r) => (
                <option value={r}>{consoleWords.roleLabel(r)}</option>
              ))}
            </select>
          </div>
          <button type="submit">{t.add}</button>
        </form>
      </div>
    </ConsoleLayout>
  );
}
