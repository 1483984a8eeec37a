import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { inLanguage, isLanguage, type Language } from '../lib/language.js';
import { inPage } from '../pages/page-language.js';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';

/**
 * What every patron-page response carries. The pages hold a link token in their URL and form, so:
 * no Referer leaves them (not even to LINE on the redirect), nothing is cached, nothing frames
 * them, and the CSP allows inline styles and nothing else. `form-action` names LINE's origin too:
 * browsers check the redirect that follows a form submission against it.
 */
const LANGUAGE_COOKIE = 'lang';

/**
 * The page's language: ?lang= (the chat's links carry the patron's language, and the pages'
 * language links set it), remembered in a cookie so the form's answer page keeps it; else Japanese.
 */
function pageLanguage(c: Context): Language {
  const asked = c.req.query('lang');
  if (isLanguage(asked)) {
    setCookie(c, LANGUAGE_COOKIE, asked, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 86_400 });
    return asked;
  }
  const kept = getCookie(c, LANGUAGE_COOKIE);
  return isLanguage(kept) ? kept : 'ja';
}

export function pageHeaders(lineAccessBaseUrl: string): MiddlewareHandler {
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `form-action 'self' ${new URL(lineAccessBaseUrl).origin}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
  };
  return async (c, next) => {
    const language = pageLanguage(c);
    await inLanguage(language, () => inPage(c.req.url, next));
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

/**
 * The key of the per-form CSRF tokens. Derived from the channel secret when there is one (HKDF,
 * its own label), so every instance behind a load balancer, and the same instance after a
 * restart, accepts the forms the others rendered; without a channel secret (development) it is
 * random per process, and a restart only makes open forms ask for a new link.
 */
export function formSecret(channelSecret: string | undefined): Buffer {
  if (channelSecret === undefined) return randomBytes(32);
  return Buffer.from(hkdfSync('sha256', channelSecret, 'kamagaya-line', 'patron-page-form-token', 32));
}

/**
 * hono/csrf for the patron pages: the browser's Origin must be PUBLIC_BASE_URL's, or its
 * Sec-Fetch-Site same-origin. One exception, for LINE's in-app browser on iPhones before iOS 16.4
 * (the iPhone 7, 6s and first SE among them): it sends no Sec-Fetch-Site at all and, under this
 * page's `Referrer-Policy: no-referrer`, `Origin: null` for a genuine post of our own form. That
 * pair is let through; the HMAC form token (below) still has to match, so a forged post is
 * refused all the same. A browser that sends Sec-Fetch-Site is held to it.
 */
export function patronCsrf(publicBaseUrl: string): MiddlewareHandler {
  const allowed = new URL(publicBaseUrl).origin;
  return csrf({
    origin: (origin, c) => origin === allowed || (origin === 'null' && c.req.header('sec-fetch-site') === undefined),
  });
}

/**
 * CSRF protection that needs no JavaScript, no cookie and no stored session: two checks.
 * 1. patronCsrf: the browser's Origin must be PUBLIC_BASE_URL's (or Sec-Fetch-Site same-origin).
 * 2. The form carries HMAC(key, purpose + link token). Only this server can make it, and only for
 *    a link token it rendered a form for, so a request needs a form that this server served.
 * No cookie because LINE's in-app browser and third-party contexts make cookies unreliable, and
 * the link token already is a per-visit secret to bind to: the pair is stateless and expires with
 * the link token.
 */
export function formToken(key: Uint8Array, purpose: string, bound: string): string {
  return createHmac('sha256', key).update(`${purpose}\u0000${bound}`).digest('base64url');
}

export function formTokenMatches(key: Uint8Array, purpose: string, bound: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const expected = Buffer.from(formToken(key, purpose, bound));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * How long a rendered form (or confirmation page) may be submitted: long enough to type, short
 * enough to limit replay.
 */
export const FORM_NONCE_TTL_MS = 30 * 60_000;
/** Clocks of two instances may differ a little; a nonce from slightly in the future still counts. */
const CLOCK_SKEW_MS = 60_000;

/**
 * The password and e-mail pages have no link token to bind a form token to, so each rendered form
 * gets its own: a nonce `<issued-at ms, base36>.<128 random bits>` in a hidden field, and
 * HMAC(key, purpose + nonce) beside it. The MAC covers the time, so it cannot be stretched; the
 * pair stays stateless (no cookie, no stored session), like the login page's.
 */
export function issueFormNonce(
  key: Uint8Array,
  purpose: string,
  now: Date,
  formId: string = randomBytes(16).toString('base64url'),
): { formNonce: string; csrfToken: string } {
  const formNonce = `${now.getTime().toString(36)}.${formId}`;
  return { formNonce, csrfToken: formToken(key, purpose, formNonce) };
}

/**
 * The random half of a nonce: the form's id. A confirmation page carries its form's id on in a
 * fresh nonce (new time, new MAC), so the form and its confirmation are one submission, and a
 * resubmission of either is recognised once the change is done (form-results.ts).
 */
export const formIdOf = (formNonce: string): string => formNonce.slice(formNonce.indexOf('.') + 1);

/** 'forged' (no or wrong MAC: 403), 'expired' (a genuine form older than 30 minutes), or 'ok'. */
export function checkFormNonce(
  key: Uint8Array,
  purpose: string,
  nonce: unknown,
  token: unknown,
  now: Date,
): 'ok' | 'forged' | 'expired' {
  if (typeof nonce !== 'string' || nonce.length > 64 || !formTokenMatches(key, purpose, nonce, token)) return 'forged';
  const issued = parseInt(nonce.split('.')[0] ?? '', 36);
  if (!Number.isFinite(issued) || issued > now.getTime() + CLOCK_SKEW_MS) return 'forged';
  return now.getTime() - issued > FORM_NONCE_TTL_MS ? 'expired' : 'ok';
}
