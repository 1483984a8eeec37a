import type { Child } from 'hono/jsx';
import { consoleWords as t } from '../../messages/ja/console.js';
import type { StaffRow } from '../../services/staff-accounts.js';
import { mayUse } from '../../domain/staff-roles.js';

/**
 * The staff console's one layout: for a desk PC at 1280 px and a tablet at 768–1024 px. A bar with
 * the areas the signed-in role may use, then the page. Inline CSS only (the CSP allows no script
 * and no external asset); every action is a plain form.
 */
const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f2;color:#1c1c1c;\
font:15px/1.6 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Noto Sans JP",sans-serif}
header.bar{display:flex;flex-wrap:wrap;align-items:center;gap:4px 16px;background:#23415f;color:#fff;padding:8px 20px}
header.bar .app{font-weight:700;font-size:16px;margin-right:12px}
header.bar nav{display:flex;flex-wrap:wrap;gap:4px}
header.bar nav a{color:#fff;text-decoration:none;padding:6px 12px;border-radius:6px}
header.bar nav a[aria-current=page]{background:#ffffff33;font-weight:700}
header.bar .who{margin-left:auto;display:flex;align-items:center;gap:8px}
header.bar .who button{background:#fff;color:#23415f;border:0;border-radius:6px;padding:4px 12px;font:inherit;\
cursor:pointer;min-height:32px}
main{max-width:1240px;margin:0 auto;padding:16px 20px}
h1{font-size:22px;margin:4px 0 12px}
h2{font-size:17px;margin:0 0 8px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
.card{background:#fff;border:1px solid #d5d9d2;border-radius:8px;padding:14px 16px;margin:0 0 16px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e6e0;vertical-align:top}
th{font-size:13px;color:#4a4f4a;font-weight:700}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.facts dt{color:#4a4f4a;font-weight:700}
dl.facts dd{margin:0;overflow-wrap:anywhere}
form.inline{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px}
label{display:block;font-weight:700;font-size:13px;color:#333}
input[type=text],input[type=password],input[type=date],select{display:block;min-height:40px;padding:6px 10px;\
font:inherit;font-size:16px;border:1px solid #6f756e;border-radius:6px;background:#fff;min-width:10em}
input[aria-invalid=true]{border:2px solid #b3261e}
button{min-height:40px;padding:6px 16px;font:inherit;font-weight:700;color:#fff;background:#23415f;border:0;\
border-radius:6px;cursor:pointer}
button.danger{background:#9b2c1f}
.check{display:flex;align-items:center;gap:8px;font-weight:400;font-size:15px}
.check input{width:20px;height:20px}
.alert{border:2px solid #b3261e;background:#fdecea;color:#5f1410;border-radius:6px;padding:10px 12px;margin:0 0 16px}
.done{border:2px solid #2e6b3a;background:#e9f5eb;color:#1d4425;border-radius:6px;padding:10px 12px;margin:0 0 16px}
.muted{color:#5b615a}
.stack>*+*{margin-top:12px}
.receipt{max-width:420px;margin:0 auto;background:#fff;border:1px dashed #6f756e;padding:20px}
.receipt .pw{font:700 32px/1.2 ui-monospace,"Cascadia Mono","Noto Sans Mono",monospace;letter-spacing:.2em;\
text-align:center;padding:12px;border:2px solid #1c1c1c;margin:12px 0}
.login{max-width:420px;margin:40px auto}
.login .field{margin:0 0 14px}
.login input{width:100%}
@media print{header.bar,.noprint{display:none}body{background:#fff}.receipt{border:0}}
`;

export function ConsoleLayout(props: {
  title: string;
  staff?: StaffRow | undefined;
  csrf?: string | undefined;
  current?: keyof typeof t.nav;
  children?: Child;
}) {
  const staff = props.staff;
  const nav = (Object.keys(t.nav) as (keyof typeof t.nav)[]).filter((k) => staff && mayUse(staff.role, k));
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.title}｜${t.title}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <header class="bar">
          <span class="app">{t.title}</span>
          {props.staff && (
            <nav>
              {nav.map((k) => (
                <a href={`/staff/${k}`} aria-current={props.current === k ? 'page' : undefined}>
                  {t.nav[k]}
                </a>
              ))}
            </nav>
          )}
          {props.staff && props.csrf && (
            <form class="who" method="post" action="/staff/logout">
              <span>{t.signedInAs(props.staff.name, props.staff.role)}</span>
              <input type="hidden" name="csrf" value={props.csrf} />
              <button type="submit">{t.logout}</button>
            </form>
          )}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A page that only says something (refused, failed, not found), with at most one link on. */
export function ConsoleMessage(props: {
  title: string;
  body: string;
  staff?: StaffRow | undefined;
  csrf?: string | undefined;
  link?: { href: string; label: string };
}) {
  return (
    <ConsoleLayout title={props.title} staff={props.staff} csrf={props.csrf}>
      <div class="card stack">
        <p>{props.body}</p>
        {props.link && <a href={props.link.href}>{props.link.label}</a>}
      </div>
    </ConsoleLayout>
  );
}

/** What the last action did, or why it was refused, above the page. */
export function Flash(props: { done?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {props.done && (
        <p class="done" role="status">
          {props.done}
        </p>
      )}
      {props.error && (
        <p class="alert" role="alert">
          {props.error}
        </p>
      )}
    </>
  );
}

/** A card with a title and a table of text cells, or a sentence when there are no rows. */
export function TableCard(props: {
  id: string;
  title: string;
  empty: string;
  head: readonly string[];
  rows: readonly (readonly Child[])[];
}) {
  return (
    <div class="card" id={props.id}>
      <h2>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {props.head.map((h) => (
                <th>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                {r.map((cell) => (
                  <td>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Hidden CSRF field of every console form. */
export const Csrf = (props: { token: string }) => <input type="hidden" name="csrf" value={props.token} />;

export async function renderConsole(page: ReturnType<typeof ConsoleLayout>): Promise<string> {
  return `<!DOCTYPE html>${(await page).toString()}`;
}
