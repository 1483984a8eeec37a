import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { findPatronByCard } from '../../src/db/patrons.js';
import { changePassword, verifyCredentials } from '../../src/services/credentials.js';
import { issueInitialPassword, registerPatron } from '../../src/services/patrons.js';
import { testDatabase } from '../helpers/database.js';
import { at } from '../helpers/library.js';
import { here } from '../helpers/profiles.js';

let database: Database;
let initial = '';

beforeAll(async () => {
  database = await testDatabase();
  await registerPatron(database.db, {
    cardNumber: '3000000001',
    name: '初富 一郎',
    birthDate: '1975-06-01',
    residency: 'resident',
    disabilityService: false,
  });
  await registerPatron(database.db, {
    cardNumber: '3000000002',
    name: '初富 二郎',
    birthDate: '1975-06-01',
    residency: 'resident',
    disabilityService: false,
  });
  const r = await issueInitialPassword(database.db, '3000000001', at('2026-12-01 10:00'));
  if (!r.ok) throw new Error('initial password');
  initial = r.value.initialPassword;
});
afterAll(async () => database.close());

const code = (r: { ok: boolean; failure?: unknown }) =>
  r.ok ? 'ok' : (r as { failure: { refusal?: { code: string } } }).failure.refusal?.code;

describe('passwords', () => {
  it(`R-PW-1: the initial password is ${here.initialPasswordLength} letters and digits, and works as is`, async () => {
    expect(initial).toMatch(new RegExp(`^[A-Za-z0-9]{${here.initialPasswordLength}}$`));
    expect(
      code(
        await verifyCredentials(database.db, { cardNumber: '3000000001', password: initial }, at('2026-12-01 10:01')),
      ),
    ).toBe('ok');
  });

  it('R-PW-4: the library stores only an argon2id hash, never the password', async () => {
    const p = await findPatronByCard(database.db, '3000000001');
    expect(p!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(p!.passwordHash).not.toContain(initial);
  });

  it(
    `R-PW-2: a new password must be ${here.profile.passwords.minLength} or more letters ` +
      'and digits; a 1 MB input is refused before hashing',
    async () => {
      const tooShort = await changePassword(
        database.db,
        {
          cardNumber: '3000000001',
          currentPassword: initial,
          newPassword: 'abc12345678'.slice(0, here.profile.passwords.minLength - 1),
        },
        at('2026-12-01 10:02'),
      );
      expect(code(tooShort)).toBe('PASSWORD_TOO_SHORT');
      const symbols = await changePassword(
        database.db,
        {
          cardNumber: '3000000001',
          currentPassword: initial,
          newPassword: 'abc-12345678'.slice(0, Math.max(7, here.profile.passwords.minLength)),
        },
        at('2026-12-01 10:02'),
      );
      expect(code(symbols)).toBe('PASSWORD_NOT_ALPHANUMERIC');
      const started = performance.now();
      const huge = await changePassword(
        database.db,
        { cardNumber: '3000000001', currentPassword: initial, newPassword: 'a'.repeat(1 << 20) },
        at('2026-12-01 10:02'),
      );
      expect(code(huge)).toBe('PASSWORD_TOO_LONG');
      expect(performance.now() - started).toBeLessThan(1000);
    },
  );

  it('R-PW-3: a change needs the current password; afterwards only the new one works', async () => {
    const wrong = await changePassword(
      database.db,
      {
        cardNumber: '3000000001',
        currentPassword: 'nottheone1',
        newPassword: 'Shinjuku2026',
        newPasswordConfirm: 'Shinjuku2026',
      },
      at('2026-12-01 10:03'),
    );
    expect(code(wrong)).toBe('CREDENTIALS_INVALID');
    const r = await changePassword(
      database.db,
      {
        cardNumber: '3000000001',
        currentPassword: initial,
        newPassword: 'Shinjuku2026',
        newPasswordConfirm: 'Shinjuku2026',
      },
      at('2026-12-01 10:04'),
    );
    expect(code(r)).toBe('ok');
    expect(
      code(
        await verifyCredentials(
          database.db,
          { cardNumber: '3000000001', password: 'Shinjuku2026' },
          at('2026-12-01 10:05'),
        ),
      ),
    ).toBe('ok');
    expect(
      code(
        await verifyCredentials(database.db, { cardNumber: '3000000001', password: initial }, at('2026-12-01 10:05')),
      ),
    ).toBe('CREDENTIALS_INVALID');
    expect((await findPatronByCard(database.db, '3000000001'))!.passwordIsInitial).toBe(false);
  });

  it('an unknown card, a card without password and a wrong password get the same answer', async () => {
    const answers = await Promise.all([
      verifyCredentials(database.db, { cardNumber: '3999999999', password: 'whatever1' }, at('2026-12-01 10:06')),
      verifyCredentials(database.db, { cardNumber: '3000000002', password: 'whatever1' }, at('2026-12-01 10:06')),
      verifyCredentials(database.db, { cardNumber: '3000000001', password: 'whatever1' }, at('2026-12-01 10:06')),
    ]);
    expect(answers.map(code)).toEqual(['CREDENTIALS_INVALID', 'CREDENTIALS_INVALID', 'CREDENTIALS_INVALID']);
  });

  it('10 failures within 15 minutes lock the card for 30 minutes, even for the right password', async () => {
    for (let i = 0; i < 10; i++) {
      await verifyCredentials(
        database.db,
        { cardNumber: '3000000001', password: `wrong${i}x` },
        at('2026-12-01 11:00'),
      );
    }
    expect(
      code(
        await verifyCredentials(
          database.db,
          { cardNumber: '3000000001', password: 'Shinjuku2026' },
          at('2026-12-01 11:10'),
        ),
      ),
    ).toBe('CREDENTIALS_INVALID');
    expect(
      code(
        await verifyCredentials(
          database.db,
          { cardNumber: '3000000001', password: 'Shinjuku2026' },
          at('2026-12-01 11:31'),
        ),
      ),
    ).toBe('ok');
  });

  it('failures from one LINE user across many cards lock that LINE user (credential stuffing)', async () => {
    const line = 'U' + 'a'.repeat(32);
    for (let i = 0; i < 10; i++) {
      await verifyCredentials(
        database.db,
        { cardNumber: `39000000${String(i).padStart(2, '0')}`, password: 'guess123', lineUserId: line },
        at('2026-12-01 12:00'),
      );
    }
    const r = await verifyCredentials(
      database.db,
      { cardNumber: '3000000001', password: 'Shinjuku2026', lineUserId: line },
      at('2026-12-01 12:01'),
    );
    expect(code(r)).toBe('CREDENTIALS_INVALID');
  });
});
