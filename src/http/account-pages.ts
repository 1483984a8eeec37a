import { Hono } from 'hono';
import { emailLinkPages } from './email-link-pages.js';
import { emailPages } from './email-pages.js';
import type { AccountPagesDeps } from './page-kit.js';
import { passwordPages } from './password-pages.js';

export type { AccountPagesDeps } from './page-kit.js';

/** The patron pages behind a password: /password, /email and /email/confirm (the mail's link). */
export function accountPages(deps: AccountPagesDeps): Hono {
  return new Hono().route('/', passwordPages(deps)).route('/', emailPages(deps)).route('/', emailLinkPages(deps));
}
