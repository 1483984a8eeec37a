import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkFormNonce, FORM_NONCE_TTL_MS, issueFormNonce } from '../../src/http/page-security.js';

// The per-form CSRF token of the password and e-mail pages: a nonce with its issue time, and an
// HMAC over it, valid 30 minutes, for one form purpose, under one key.
const key = randomBytes(32);
const now = new Date('2026-12-01T01:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('form nonces', () => {
  it('a pair this server issued is accepted for its purpose, for 30 minutes', () => {
    const { formNonce, csrfToken } = issueFormNonce(key, 'password', now);
    expect(formNonce).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{22}$/); // 128 random bits
    expect(checkFormNonce(key, 'password', formNonce, csrfToken, now)).toBe('ok');
    expect(checkFormNonce(key, 'password', formNonce, csrfToken, later(FORM_NONCE_TTL_MS))).toBe('ok');
    expect(checkFormNonce(key, 'password', formNonce, csrfToken, later(FORM_NONCE_TTL_MS + 1))).toBe('expired');
  });

  it(
    'another purpose, another key, an edited nonce (a stretched ' +
      'time), a missing token or one from the future: forged',
    () => {
      const { formNonce, csrfToken } = issueFormNonce(key, 'password', now);
      const [time, random] = formNonce.split('.');
      const stretched = `${(Number.parseInt(time!, 36) + FORM_NONCE_TTL_MS).toString(36)}.${random}`;
      expect(checkFormNonce(key, 'email', formNonce, csrfToken, now)).toBe('forged');
      expect(checkFormNonce(randomBytes(32), 'password', formNonce, csrfToken, now)).toBe('forged');
      expect(checkFormNonce(key, 'password', stretched, csrfToken, later(FORM_NONCE_TTL_MS + 1))).toBe('forged');
      expect(checkFormNonce(key, 'password', formNonce, undefined, now)).toBe('forged');
      expect(checkFormNonce(key, 'password', undefined, csrfToken, now)).toBe('forged');
      expect(checkFormNonce(key, 'password', 'x'.repeat(100), csrfToken, now)).toBe('forged');
      const future = issueFormNonce(key, 'password', later(10 * 60_000));
      expect(checkFormNonce(key, 'password', future.formNonce, future.csrfToken, now)).toBe('forged');
    },
  );
});
