import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import type { StaffRole } from '../../src/domain/staff-roles.js';
import { addStaff } from '../../src/services/staff-accounts.js';
import { hiddenValue } from './pages.js';
import { rememberSecret } from './test-log.js';

/** A staff account made as the CLI makes one; its password is a secret of the test's log. */
export async function addStaffMember(db: Kysely<DB>, name: string, role: StaffRole, password: string) {
  rememberSecret(`${name}'s password`, password);
  const r = await addStaff(db, { name, role, password }, { kind: 'cli', command: 'staff add' });
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  return r.value;
}

export interface ConsolePage {
  status: number;
  html: string;
  location: string | null;
  setCookie: string | null;
}

/**
 * A browser without a browser: one cookie (the console's), kept between requests, as a browser
 * keeps it for /staff. Redirects are not followed, so a test sees each answer.
 */
export function consoleBrowser(app: Hono) {
  let cookie: string | undefined;
  const send = async (path: string, init: RequestInit = {}): Promise<ConsolePage> => {
    const headers = new Headers(init.headers);
    if (cookie !== undefined) headers.set('cookie', `staff_session=${cookie}`);
    const res = await app.request(path, { ...init, headers, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    const m = setCookie?.match(/^staff_session=([^;]*)/);
    if (m) cookie = m[1] === '' ? undefined : m[1];
    return { status: res.status, html: await res.text(), location: res.headers.get('location'), setCookie };
  };
  const browser = {
    get cookie() {
      return cookie;
    },
    set cookie(v: string | undefined) {
      cookie = v;
    },
    get: (path: string) => send(path),
    post: (path: string, form: Record<string, string>) =>
      send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
    /** Posts `form` from the page at `from` (its CSRF token), as a click on its button would. */
    async submit(from: string, path: string, form: Record<string, string> = {}) {
      const page = await send(from);
      return browser.post(path, { csrf: hiddenValue(page.html, 'csrf') ?? '', ...form });
    },
    async login(name: string, password: string) {
      const page = await send('/staff/login');
      return browser.post('/staff/login', {
        formNonce: hiddenValue(page.html, 'formNonce') ?? '',
        csrfToken: hiddenValue(page.html, 'csrfToken') ?? '',
        name,
        password,
      });
    },
  };
  return browser;
}

/** The text of the page's alert box, tags removed. */
export const alertText = (html: string) =>
  html.match(/<p class="alert"[^>]*>([\s\S]*?)<\/p>/)?.[1]?.replace(/<[^>]+>/g, '');
