import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { bundledProfilePath, loadProfileFile, parseProfile, ProfileError } from '../../src/profile/load.js';

const dir = mkdtempSync(join(tmpdir(), 'library-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kamagaya = (): Record<string, any> => JSON.parse(readFileSync(bundledProfilePath(), 'utf8'));

/** A copy of the Kamagaya profile with one change, written to a file of its own. */
function profileFile(change: (p: Record<string, any>) => void, name = `p${Math.random()}.json`): string {
  const p = kamagaya();
  change(p);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(p));
  return path;
}

function profileErrorOf(change: (p: Record<string, any>) => void): string {
  try {
    parseProfile(
      (() => {
        const p = kamagaya();
        change(p);
        return p;
      })(),
      'test.json',
    );
  } catch (err) {
    if (err instanceof ProfileError) return err.message;
    throw err;
  }
  throw new Error('the profile was accepted');
}

describe('the library profile file', () => {
  it('the bundled Kamagaya profile is valid and is the default', () => {
    const c = loadConfig({});
    expect(c.profile.library.name).toBe('鎌ケ谷市立図書館');
    expect(c.profile.branches.map((b) => b.code)).toEqual([
      'honkan',
      'tobu',
      'seibu',
      'hokubu',
      'nanbu',
      'higashi-hatsutomi',
    ]);
    // CONTRACT.md defaults that now come from the profile.
    expect(c.mailFrom).toBe('yoyaku@library-kamagaya-chiba.jp');
    expect(c.promoteHoldsHour).toBe(9);
    expect(c.loanPeriodDays).toBe(14);
  });

  it('LIBRARY_PROFILE names another file; the environment still overrides its values', () => {
    const path = profileFile((p) => {
      p.mail.sender = 'holds@library.example';
      p.loans.periodDays = 21;
    });
    const c = loadConfig({ LIBRARY_PROFILE: path, PROMOTE_HOLDS_HOUR: '10' });
    expect(c.mailFrom).toBe('holds@library.example');
    expect(c.loanPeriodDays).toBe(21);
    expect(c.promoteHoldsHour).toBe(10);
  });

  it.each([
    [
      'branches.1.phone',
      (p: any) => {
        p.branches[1].phone = 'call us';
      },
    ],
    ['branches.0.hours.tue', (p: any) => void delete p.branches[0].hours.tue],
    [
      'holds.limit',
      (p: any) => {
        p.holds.limit = 0;
      },
    ],
    [
      'holds.shelfOpeningDays',
      (p: any) => {
        p.holds.shelfOpeningDays = '7';
      },
    ],
    [
      'yearlyClosures.0.from',
      (p: any) => {
        p.yearlyClosures[0].from = '12/29';
      },
    ],
    [
      'services.reserve.minSchoolYear',
      (p: any) => {
        p.services.reserve.minSchoolYear = -1;
      },
    ],
    [
      'mail.sender',
      (p: any) => {
        p.mail.sender = 'not an address';
      },
    ],
    [
      'contactMethods',
      (p: any) => {
        p.contactMethods = ['email'];
      },
    ],
    [
      'branches',
      (p: any) => {
        p.branches.push({ ...p.branches[0] });
      },
    ],
    [
      'quietHours.until',
      (p: any) => {
        p.quietHours.until = p.quietHours.from;
      },
    ],
    [
      'library',
      (p: any) => {
        p.library.motto = 'extra fields are typos';
      },
    ],
  ])('a wrong %s is refused in one line naming the field', (field, change) => {
    const message = profileErrorOf(change);
    expect(message).toContain(` ${field} `);
    expect(message).not.toMatch(/[\r\n]/);
  });

  it('a missing or unreadable file stops loadConfig with one line naming the file', () => {
    const missing = join(dir, 'missing.json');
    expect(() => loadConfig({ LIBRARY_PROFILE: missing })).toThrow(ConfigError);
    expect(() => loadConfig({ LIBRARY_PROFILE: missing })).toThrow(missing);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "library": ');
    expect(() => loadProfileFile(broken)).toThrow(/^Library profile error in .*broken\.json: not JSON/);
  });
});

describe('npm start with a wrong profile', () => {
  it('exits 1 with one line on stderr naming the field', () => {
    const path = profileFile((p) => {
      p.branches[2].phone = '鎌ケ谷の西';
    }, 'wrong-phone.json');
    const dataDir = mkdtempSync(join(tmpdir(), 'library-start-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, LIBRARY_PROFILE: path, DATA_DIR: dataDir, CRON: 'off' };
      delete env.DATABASE_URL;
      const r = spawnSync('node_modules/.bin/tsx', ['src/main.ts'], { env, encoding: 'utf8', timeout: 30_000 });
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(1);
      const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines).toEqual([expect.stringContaining('branches.2.phone must be a phone number')]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
