import type { Child } from 'hono/jsx';
import { pages } from '../messages/current.js';
import { htmlLang, LanguageLinks } from './page-language.js';

/**
 * The one layout of the patron pages (login, password change, e-mail change).
 * They open in LINE's in-app browser on phones from 320 px wide, so: one column, text at 16 px or
 * more (iOS zooms into smaller inputs), tap targets of 48 px, and inline CSS only: the CSP allows no
 * external asset and no script, and the pages work without JavaScript.
 */

// `>` and quotes would be escaped as text children, so the CSS goes in as raw HTML (a constant).
// A `\` at a line's end adds nothing to the string: a long rule is kept on one line of the page.
const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f3f4f1;color:#1c1c1c;\
font:16px/1.7 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Noto Sans JP",sans-serif}
.site{background:#1d5b43;color:#fff;padding:12px 16px}
.site .lib{display:block;font-size:20px;font-weight:700;letter-spacing:.04em}
.site .svc{display:block;font-size:14px;opacity:.9}
main{max-width:560px;margin:0 auto;padding:16px}
h1{font-size:22px;line-height:1.4;margin:8px 0 12px}
h2{font-size:18px;line-height:1.4;margin:0 0 8px}
p{margin:0 0 12px}
.card{background:#fff;border:1px solid #d7dad3;border-radius:10px;padding:16px;margin:0 0 16px}
.field{margin:0 0 20px}
.field label{display:block;font-weight:700;margin:0 0 4px}
.hint{display:block;font-size:14px;color:#4a4f4a;margin:0 0 6px}
.field input{display:block;width:100%;min-height:48px;padding:10px 12px;font-size:18px;border:1px solid #6f756e;\
border-radius:8px;background:#fff;color:inherit}
.field input[aria-invalid=true]{border:2px solid #b3261e;background:#fffafa}
.field-error{display:block;color:#b3261e;font-weight:700;margin:6px 0 0}
.alert{border:2px solid #b3261e;background:#fdecea;color:#5f1410;border-radius:8px;padding:12px;margin:0 0 16px}
.alert h2{color:#b3261e;font-size:17px;margin:0 0 4px}
.alert p:last-child{margin:0}
button{display:block;width:100%;min-height:52px;padding:12px;font-size:18px;font-weight:700;color:#fff;\
background:#1d5b43;border:0;border-radius:10px;cursor:pointer}
button:active{background:#154532}
:focus-visible{outline:3px solid #e0a100;outline-offset:2px}
.note{font-size:15px}
.note ul{margin:0 0 12px;padding-left:1.2em}
.small{font-size:14px;color:#4a4f4a;margin:12px 0 0}
.lead-note{font-size:14px;color:#4a4f4a;margin:0 0 16px}
.choices{border:0;margin:0 0 20px;padding:0}
.choices legend{font-weight:700;margin:0 0 4px;padding:0}
.choice{display:flex;align-items:center;gap:12px;min-height:48px;padding:8px 12px;margin:0 0 8px;\
border:1px solid #6f756e;border-radius:8px;background:#fff;font-size:18px}
.choice input{width:24px;height:24px;margin:0;flex:none}
.choices[aria-invalid=true] .choice{border:2px solid #b3261e}
dl.confirm{margin:0 0 16px}
dl.confirm dt{font-weight:700;font-size:15px;color:#4a4f4a}
dl.confirm dd{margin:0 0 12px;font-size:18px;overflow-wrap:anywhere}
a.button{display:block;text-align:center;min-height:48px;padding:11px;margin:12px 0 0;font-size:17px;font-weight:700;\
color:#1d5b43;background:#fff;border:2px solid #1d5b43;border-radius:10px;text-decoration:none}
nav.languages{display:flex;flex-wrap:wrap;gap:4px 16px;max-width:560px;margin:0 auto;padding:8px 16px 0;font-size:15px}
nav.languages a{color:#1d5b43;padding:8px 0;min-height:44px}
nav.languages strong{padding:8px 0}
footer{max-width:560px;margin:0 auto;padding:8px 16px 24px;font-size:13px;color:#5b615a}
`;

/** A whole page: the library's name in the header, the title as the page heading. */
export function Layout(props: { title: string; children?: Child }) {
  return (
    <html lang={htmlLang()}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.title}｜${pages.libraryName}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <header class="site">
          <span class="lib">{pages.libraryName}</span>
          <span class="svc">{pages.serviceName}</span>
        </header>
        <LanguageLinks />
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
        <footer>{pages.libraryName}</footer>
      </body>
    </html>
  );
}

/**
 * A page that only says something (expired link, refusal, error): a title and paragraphs, and
 * at most one way on (back to the form).
 */
export function MessagePage(props: {
  title: string;
  paragraphs: readonly string[];
  link?: { href: string; label: string } | undefined;
}) {
  return (
    <Layout title={props.title}>
      <div class="card">
        {props.paragraphs.map((p) => (
          <p>{p}</p>
        ))}
        {props.link && <LinkButton href={props.link.href} label={props.link.label} />}
      </div>
    </Layout>
  );
}

/**
 * A confirmation page: what the patron asks for, as label / value pairs, and one button that posts
 * it (the values travel in the form's hidden inputs, never in a URL); `back` leads to the form.
 */
export function ConfirmPage(props: {
  title: string;
  lead: string;
  rows: readonly { label: string; value: string }[];
  action: string;
  hidden: Readonly<Record<string, string>>;
  submitLabel: string;
  back?: { href: string; label: string } | undefined;
}) {
  return (
    <Layout title={props.title}>
      <div class="card">
        <p>{props.lead}</p>
        <ConfirmList rows={props.rows} />
        <Form action={props.action} hidden={props.hidden} submitLabel={props.submitLabel} />
        {props.back && <LinkButton href={props.back.href} label={props.back.label} />}
      </div>
    </Layout>
  );
}

/**
 * A plain HTML form (POST, no script). `error` is a problem with the whole submission (e.g. wrong
 * card number or password, which must not say which field); it sits right above the fields.
 */
export function Form(props: {
  action: string;
  hidden: Readonly<Record<string, string>>;
  submitLabel: string;
  error?: string | undefined;
  children?: Child;
}) {
  return (
    <form method="post" action={props.action} novalidate>
      {props.error !== undefined && (
        <div class="alert" role="alert" id="form-error">
          <h2>{pages.errorHeading}</h2>
          <p>{props.error}</p>
        </div>
      )}
      {Object.entries(props.hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}

type AutoComplete = 'username' | 'current-password' | 'new-password' | 'email' | 'off';

/** A labelled input with its hint and its own error text right under it (linked for screen readers). */
export function Field(props: {
  name: string;
  label: string;
  type?: 'text' | 'password' | 'email';
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  autocomplete?: AutoComplete;
  inputmode?: 'text' | 'numeric' | 'email';
  maxlength?: number;
}) {
  const id = `f-${props.name}`;
  const described = [props.hint !== undefined ? `${id}-hint` : '', props.error !== undefined ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint !== undefined && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        autocapitalize="off"
        spellcheck={false}
        required
        aria-invalid={props.error !== undefined ? 'true' : undefined}
        aria-describedby={described === '' ? undefined : described}
      />
      {props.error !== undefined && (
        <span class="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

/** A required choice of one (radio buttons), each a full-width row that is easy to tap. */
export function Choice(props: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
}) {
  const id = `f-${props.name}`;
  return (
    <fieldset
      class="choices"
      aria-invalid={props.error !== undefined ? 'true' : undefined}
      aria-describedby={props.error !== undefined ? `${id}-error` : undefined}
    >
      <legend>{props.label}</legend>
      {props.options.map((o) => (
        <label class="choice">
          <input type="radio" name={props.name} value={o.value} checked={props.value === o.value} required />
          {o.label}
        </label>
      ))}
      {props.error !== undefined && (
        <span class="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </fieldset>
  );
}

/** What a confirmation page asks the patron to check, as label / value pairs. */
export function ConfirmList(props: { rows: readonly { label: string; value: string }[] }) {
  return (
    <dl class="confirm">
      {props.rows.map((r) => (
        <>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </>
      ))}
    </dl>
  );
}

/** A link that looks like a secondary button (back to a form, start again). */
export function LinkButton(props: { href: string; label: string }) {
  return (
    <a class="button" href={props.href}>
      {props.label}
    </a>
  );
}

/** The document as sent: a doctype, then the rendered tree. */
export async function renderPage(page: ReturnType<typeof Layout>): Promise<string> {
  return `<!DOCTYPE html>${(await page).toString()}`;
}
