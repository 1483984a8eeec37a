import { consoleWords } from '../../messages/ja/console.js';
import { formatDateJa } from '../../messages/ja/index.js';
import type { PatronHit } from '../../services/patron-desk.js';
import type { StaffRow } from '../../services/staff-accounts.js';
import { ConsoleLayout } from './layout.js';

const t = consoleWords;
type Who = { staff: StaffRow; csrf: string };

/** /staff/patrons: a card number (whole) or a name (any part). */
export function PatronSearchPage(props: Who & { q: string; hits: PatronHit[]; limit: number }) {
  const { q, hits, limit } = props;
  return (
    <ConsoleLayout title={t.search.title} staff={props.staff} csrf={props.csrf} current="patrons">
      <div class="card">
        <form class="inline" method="get" action="/staff/patrons">
          <div>
            <label for="f-q">{t.search.label}</label>
            <input id="f-q" name="q" type="text" value={q} maxlength={100} autofocus />
          </div>
          <button type="submit">{t.search.submit}</button>
        </form>
      </div>
      {q !== '' && (
        <div class="card">
          {hits.length === 0 ? (
            <p>{t.search.none(q)}</p>
          ) : (
            <>
              <p>{hits.length > limit ? t.search.tooMany(limit) : t.search.many(hits.length)}</p>
              <table>
                <thead>
                  <tr>
                    <th>{t.search.columns.card}</th>
                    <th>{t.search.columns.name}</th>
                    <th>{t.search.columns.birth}</th>
                  </tr>
                </thead>
                <tbody>
                  {hits.slice(0, limit).map((h) => (
                    <tr>
                      <td>
                        <a href={`/staff/patrons/${encodeURIComponent(h.cardNumber)}`}>{h.cardNumber}</a>
                      </td>
                      <td>{h.name}</td>
                      <td>{formatDateJa(h.birthDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </ConsoleLayout>
  );
}
