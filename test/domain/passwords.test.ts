import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  INITIAL_PASSWORD_ALPHABET,
  generateInitialPassword,
  initialPasswordIssueRefusal,
  newPasswordRefusal,
} from '../../src/domain/passwords.js';
import { refusalMessage } from '../../src/messages/ja/index.js';
import { KAMAGAYA } from '../helpers/profiles.js';

/** Kamagaya's passwords: initial 8 (英数字8桁), new ones 6 to 64. */
const PW = KAMAGAYA.passwords;

const TODAY = '2025-06-10';
const adult = { birthDate: '1980-05-05', disabilityService: false };
const atCounter = { channel: 'counter' as const, identityChecked: true };

/** A random source that always answers with the given byte. */
const constant =
  (b: number) =>
  (n: number): Uint8Array =>
    new Uint8Array(n).fill(b);

describe('R-PW-1 the initial password', () => {
  it("R-PW-1: is 英数字8桁 without look-alike characters (Kamagaya's passwords.initialLength 8)", () => {
    expect(PW.initialLength).toBe(8);
    for (let i = 0; i < 200; i++) {
      const pw = generateInitialPassword((n) => new Uint8Array(randomBytes(n)), PW);
      expect(pw).toMatch(/^[A-Za-z0-9]{8}$/);
      expect(pw).not.toMatch(/[0Oo1lI]/);
    }
  });

  it('R-PW-1: every character is equally likely (rejection sampling, no modulo bias)', () => {
    const preimages = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      let pw: string;
      try {
        pw = generateInitialPassword(constant(b), PW);
      } catch {
        continue; // a rejected byte value
      }
      expect(pw).toBe(pw[0]!.repeat(8));
      preimages.set(pw[0]!, (preimages.get(pw[0]!) ?? 0) + 1);
    }
    expect(INITIAL_PASSWORD_ALPHABET).toHaveLength(56);
    expect(preimages.size).toBe(56);
    expect(new Set(preimages.values())).toEqual(new Set([4])); // 224 accepted byte values / 56
  });

  it('R-PW-1: rejected bytes are skipped, not folded onto the alphabet', () => {
    const stream = [255, 224, 0, 1, 2, 3, 4, 5, 6, 7];
    let i = 0;
    const pw = generateInitialPassword((n) => Uint8Array.from({ length: n }, () => stream[i++ % stream.length]!), PW);
    expect(pw).toBe('ABCDEFGH');
  });

  it('R-PW-1: a broken random source fails loudly instead of looping', () => {
    expect(() => generateInitialPassword(constant(255), PW)).toThrow(/random source/);
  });

  it('R-PW-1: is issued at a counter after an identity check', () => {
    expect(initialPasswordIssueRefusal(adult, atCounter, TODAY, 1)).toBeNull();
    expect(initialPasswordIssueRefusal(adult, { channel: 'counter', identityChecked: false }, TODAY, 1)?.code).toBe(
      'IDENTITY_NOT_CHECKED',
    );
  });

  it('R-PW-1: is not issued to a disability-service patron (R-ELIG-5) or a child below school age', () => {
    expect(initialPasswordIssueRefusal({ ...adult, disabilityService: true }, atCounter, TODAY, 1)?.code).toBe(
      'DISABILITY_SERVICE',
    );
    expect(initialPasswordIssueRefusal({ ...adult, birthDate: '2020-01-01' }, atCounter, TODAY, 1)?.code).toBe(
      'NOT_ELEMENTARY_AGE',
    );
  });
});

describe('R-PW-2 a new password', () => {
  it("R-PW-2: 6 to 64 alphanumerics are accepted (Kamagaya's passwords.minLength, maxLength)", () => {
    expect([PW.minLength, PW.maxLength]).toEqual([6, 64]);
    expect(newPasswordRefusal('abc123', undefined, PW)).toBeNull();
    expect(newPasswordRefusal('ABCDEFGH12345678', undefined, PW)).toBeNull();
    expect(newPasswordRefusal('999999', undefined, PW)).toBeNull();
    expect(newPasswordRefusal('x'.repeat(64), undefined, PW)).toBeNull();
  });

  it('R-PW-2: five characters are too short', () => {
    expect(newPasswordRefusal('abc12', undefined, PW)).toEqual({ code: 'PASSWORD_TOO_SHORT', params: { min: 6 } });
    expect(newPasswordRefusal('', undefined, PW)?.code).toBe('PASSWORD_TOO_SHORT');
  });

  it('R-PW-2: symbols, spaces and full-width characters are refused', () => {
    for (const pw of ['abc 123', 'abc-123', 'ＡＢＣ１２３', 'パスワード123', 'abc123\n', 'äbc123']) {
      expect(newPasswordRefusal(pw, undefined, PW)?.code).toBe('PASSWORD_NOT_ALPHANUMERIC');
    }
  });

  it("R-PW-2: the lengths are the profile's (passwords.minLength 8 elsewhere)", () => {
    expect(newPasswordRefusal('abc1234', undefined, { minLength: 8, maxLength: 64 })?.params).toEqual({ min: 8 });
    expect(generateInitialPassword((n) => new Uint8Array(randomBytes(n)), { initialLength: 10 })).toHaveLength(10);
  });

  it('R-PW-2: more than 64 characters are refused', () => {
    expect(newPasswordRefusal('x'.repeat(65), undefined, PW)).toEqual({
      code: 'PASSWORD_TOO_LONG',
      params: { max: 64 },
    });
  });

  it('R-PW-2: a 1 MB input is refused by its length, before its characters are looked at', () => {
    const huge = 'a'.repeat(1_000_000) + '!';
    expect(newPasswordRefusal(huge, huge, PW)?.code).toBe('PASSWORD_TOO_LONG');
  });

  it('R-PW-3: the confirmation must match, but a bad password is explained first', () => {
    expect(newPasswordRefusal('abc123', 'abc124', PW)?.code).toBe('PASSWORD_CONFIRMATION_MISMATCH');
    expect(newPasswordRefusal('abc123', 'abc123', PW)).toBeNull();
    expect(newPasswordRefusal('ab', 'cd', PW)?.code).toBe('PASSWORD_TOO_SHORT');
  });
});

describe('R-PW-4 forgotten passwords', () => {
  it('R-PW-4: there is no online reset; the patron is sent to a counter with ID and card', () => {
    const r = initialPasswordIssueRefusal(adult, { channel: 'online', identityChecked: true }, TODAY, 1);
    expect(r?.code).toBe('PASSWORD_ISSUED_AT_COUNTER_ONLY');
    const sentence = refusalMessage(r!);
    expect(sentence).toContain('再発行できません');
    expect(sentence).toContain('本人確認書類');
    expect(sentence).toContain('利用者カード');
    expect(sentence).toContain('初期パスワード');
  });
});
