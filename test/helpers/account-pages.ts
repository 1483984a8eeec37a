import type { TestApp } from './app.js';
import { PAGES_ORIGIN } from './pages.js';
import { rememberSecretFields } from './test-log.js';

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every hidden input of the page's form, as the browser would post them. */
export function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of html.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = input.match(/name="([^"]*)"/)?.[1];
    if (name) out[name] = unescapeHtml(input.match(/value="([^"]*)"/)?.[1] ?? '');
  }
  return out;
}

/** The page without its hidden inputs: where a password must never appear. */
export const withoutHiddenInputs = (html: string) => html.replace(/<input[^>]*type="hidden"[^>]*>/g, '');

/** The error text shown under one field (Field/Choice components), if any. */
export function fieldError(html: string, name: string): string | undefined {
  return html.match(new RegExp(`<span class="field-error" id="f-${name}-error">([^<]*)</span>`))?.[1];
}

/** The password and e-mail pages as a browser on PUBLIC_BASE_URL uses them, through app.request(). */
export function accountClient(t: Pick<TestApp, 'app'>, base = PAGES_ORIGIN) {
  const get = async (path: string, origin = base) => {
    const res = await t.app.request(`${origin}${path}`);
    return { res, html: await res.text() };
  };
  const post = async (path: string, fields: Record<string, string>, opts: { origin?: string | null } = {}) => {
    rememberSecretFields(fields);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const origin = opts.origin === undefined ? base : opts.origin;
    if (origin !== null) headers.origin = origin;
    const posted = await t.app.request(`${base}${path}`, {
      method: 'POST',
      headers,
      body: new URLSearchParams(fields).toString(),
    });
    // As a browser does: a 303 is followed with a GET (POST-redirect-GET); `seeOther` is the 303 itself.
    const location = posted.status === 303 ? posted.headers.get('location') : null;
    if (location === null) return { res: posted, html: await posted.text(), seeOther: undefined };
    const res = await t.app.request(location);
    return { res, html: await res.text(), seeOther: posted };
  };
  /** The hidden fields of a freshly opened form (step, formNonce, csrfToken). */
  const opened = async (path: string) => hiddenFields((await get(path)).html);
  return {
    get,
    post,
    opened,
    /** 変更: opens the form and submits it with these fields. */
    change: async (path: string, fields: Record<string, string>, opts: { origin?: string | null } = {}) =>
      post(path, { ...(await opened(path)), ...fields }, opts),
    /** 送信 (or 確定): posts the page's form back as it stands. */
    send: (path: string, page: string, opts: { origin?: string | null } = {}) => post(path, hiddenFields(page), opts),
  };
}
