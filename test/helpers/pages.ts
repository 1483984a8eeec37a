import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { touchLineUser } from '../../src/db/line-users.js';
import { setPasswordHash } from '../../src/db/patrons.js';
import type { DB } from '../../src/db/schema.js';
import { rememberLinkToken } from '../../src/services/account-link.js';
import { registerPatron } from '../../src/services/patrons.js';
import { hashPassword } from '../../src/services/passwords.js';
import type { TestApp } from './app.js';
import { lineUserId } from './line.js';
import { rememberSecret, rememberSecretFields } from './test-log.js';

/** A patron whose password really verifies (argon2id, as the counter would issue it). */
export async function addPatronWithPassword(
  db: Kysely<DB>,
  cardNumber: string,
  password: string,
  opts: { birthDate?: string; residency?: 'resident' | 'worker' | 'student' | 'none' } = {},
): Promise<string> {
  const r = await registerPatron(db, {
    cardNumber,
    name: `利用者 ${cardNumber}`,
    birthDate: opts.birthDate ?? '1980-05-05',
    residency: opts.residency ?? 'resident',
    disabilityService: false,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  rememberSecretFields({ cardNumber, password });
  await setPasswordHash(db, r.value.id, await hashPassword(password), password.length === 8, new Date());
  return r.value.id;
}

/** The value of a hidden input of a rendered form. */
export function hiddenValue(html: string, name: string): string | undefined {
  const input = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0];
  return input?.match(/value="([^"]*)"/)?.[1];
}

/** The sentence in the form's error box, if any. */
export function formError(html: string): string | undefined {
  return html.match(/<div class="alert" role="alert" id="form-error"><h2>[^<]*<\/h2><p>([^<]*)<\/p>/)?.[1];
}

/** The origin testApp's pages are built for (PUBLIC_BASE_URL's default). */
export const PAGES_ORIGIN = 'http://localhost:3000';

/**
 * The login page as a browser on PUBLIC_BASE_URL uses it, through `app.request()`, plus the rows
 * the tests look at. Each `visitor` is a new LINE user with a fresh link token, so that the per-user
 * failure count of one test never locks another.
 */
export function loginClient(t: TestApp) {
  const getLogin = async (query: string, url = `${PAGES_ORIGIN}/login`) => {
    const res = await t.app.request(`${url}${query}`);
    return { res, html: await res.text() };
  };
  return {
    getLogin,
    async visitor(seed: string): Promise<{ user: string; linkToken: string }> {
      const user = lineUserId(`${seed}-${randomBytes(4).toString('hex')}`);
      await touchLineUser(t.db, user, true, t.now);
      const linkToken = randomBytes(24).toString('base64url');
      await rememberLinkToken(t.db, user, linkToken, t.now);
      rememberSecret('a link token', linkToken);
      return { user, linkToken };
    },
    /** Opens the form (for its CSRF token) unless one is given (null: none sent), then submits it. */
    async login(
      linkToken: string,
      fields: { cardNumber?: string; password?: string },
      opts: { origin?: string | null; csrfToken?: string | null; secFetchSite?: string } = {},
    ) {
      const csrfToken =
        opts.csrfToken === undefined
          ? hiddenValue((await getLogin(`?linkToken=${encodeURIComponent(linkToken)}`)).html, 'csrfToken')
          : opts.csrfToken;
      const body = new URLSearchParams({
        linkToken,
        ...fields,
        ...(csrfToken !== null && csrfToken !== undefined ? { csrfToken } : {}),
      });
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      const origin = opts.origin === undefined ? PAGES_ORIGIN : opts.origin;
      if (origin !== null) headers.origin = origin;
      if (opts.secFetchSite) headers['sec-fetch-site'] = opts.secFetchSite;
      const res = await t.app.request(`${PAGES_ORIGIN}/login`, { method: 'POST', headers, body: body.toString() });
      const location = res.headers.get('location') ?? '';
      const nonce = URL.canParse(location) ? new URL(location).searchParams.get('nonce') : null;
      rememberSecretFields({ linkToken, ...fields, csrfToken, nonce });
      return { res, html: await res.text() };
    },
    async nonceCount(): Promise<number> {
      const r = await t.db
        .selectFrom('account_link_nonces')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async throttleRows(): Promise<string> {
      return JSON.stringify(await t.db.selectFrom('login_throttle').selectAll().orderBy('subject').execute());
    },
    async linkedPatron(user: string): Promise<string | null> {
      return (
        await t.db
          .selectFrom('line_users')
          .select('patron_id')
          .where('line_user_id', '=', user)
          .executeTakeFirstOrThrow()
      ).patron_id;
    },
  };
}
