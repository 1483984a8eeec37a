import type { Kysely } from 'kysely';
import { setPasswordHash } from '../../src/db/patrons.js';
import type { DB } from '../../src/db/schema.js';
import { registerPatron } from '../../src/services/patrons.js';
import { hashPassword } from '../../src/services/passwords.js';

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
