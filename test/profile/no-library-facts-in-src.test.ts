import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KAMAGAYA } from '../helpers/profiles.js';

/**
 * Issue 25: a library's facts live in its profile, never in src/. The Kamagaya profile's branch
 * codes, names, phone numbers, mail sender, homepage and the sentences that carry its limits must
 * not appear in src/ (a library adopting the bot would otherwise inherit them).
 *
 * One place is let off, and why: src/seed/demo/ is the demo library's data (titles, patrons, the
 * copies' branches): the Kamagaya model library's demo, loaded only when the profile has its
 * branches (seedDemoLibrary says so and skips otherwise).
 */
const ROOT = join(import.meta.dirname, '../..');
const LET_OFF = ['src/seed/demo/'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|json)$/.test(e.name) ? [path] : [];
  });
}

const files = sourceFiles(join(ROOT, 'src'))
  .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }))
  .filter((f) => !LET_OFF.some((dir) => f.path.startsWith(dir)));

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a pattern occurs, as `path:line: text`. */
function occurrences(pattern: RegExp): string[] {
  return files.flatMap((f) =>
    f.text
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(line))
      .map(({ line, i }) => `${f.path}:${i + 1}: ${line.trim()}`),
  );
}

describe("issue 25: no fact of Kamagaya's in src/ outside the bundled profile", () => {
  it('finds a planted fact (the check can fail)', () => {
    const planted = { path: 'planted.ts', text: `const phone = '${KAMAGAYA.branches[0]!.phone}';` };
    files.push(planted);
    try {
      expect(occurrences(new RegExp(literal(KAMAGAYA.branches[0]!.phone)))).toEqual([
        `planted.ts:1: const phone = '${KAMAGAYA.branches[0]!.phone}';`,
      ]);
    } finally {
      files.pop();
    }
  });

  it.each(KAMAGAYA.branches.map((b) => [b.code, b.name, b.phone]))(
    'branch %s: neither its code (as a string), its name (%s) nor its phone (%s)',
    (code, name, phone) => {
      expect(occurrences(new RegExp(`['"\`]${literal(code)}['"\`]`))).toEqual([]);
      // 本館 is also the common word for a main library (本館・分館のカウンター); the others are names.
      if (name !== '本館') expect(occurrences(new RegExp(literal(name)))).toEqual([]);
      expect(occurrences(new RegExp(literal(phone)))).toEqual([]);
    },
  );

  it('no phone number at all, no mail sender, homepage, library or municipality name', () => {
    expect(occurrences(/\b0\d{1,4}-\d{1,4}-\d{4}\b/)).toEqual([]);
    const host = new URL(KAMAGAYA.library.homepage).host.replace(/^www\./, '');
    for (const fact of [KAMAGAYA.mail.sender, host, KAMAGAYA.library.name, KAMAGAYA.library.municipality]) {
      expect(occurrences(new RegExp(literal(fact).replace(/ケ/g, '[ケヶ]')))).toEqual([]);
    }
  });

  it('no limit written into a sentence: holds, shelf period, renewals, password lengths', () => {
    for (const limit of [
      /\d+冊まで/, // holds.limit
      /\d+開館日/, // holds.shelfOpeningDays
      /申込日から\d/, // loans.renewal.periodDays
      /延長は\d+回|\d+回延長/, // loans.renewal.times
      /英数字\d+桁/, // passwords.initialLength
      /\d+文字(以上|まで|以内)/, // passwords.minLength, maxLength
      /\d+時〜翌?\d+時/, // quietHours
    ]) {
      expect(occurrences(limit)).toEqual([]);
    }
  });

  it('no constant that held a Kamagaya limit comes back', () => {
    const names = new RegExp(
      `\\b(${[
        'HOLD_LIMIT',
        'HOLD_SHELF_OPENING_DAYS',
        'MAX_RENEWALS',
        'RENEWAL_PERIOD_DAYS',
        'DEFAULT_LOAN_PERIOD_DAYS',
        'DEFAULT_PROMOTE_HOUR',
        'QUIET_FROM_HOUR',
        'QUIET_UNTIL_HOUR',
        'INITIAL_PASSWORD_LENGTH',
        'MIN_PASSWORD_LENGTH',
        'MAX_PASSWORD_LENGTH',
        'PICKUP_REMINDER_OPENING_DAYS',
        'DUE_REMINDER_DAYS',
        'DEFAULT_WEEKLY_CLOSED_DAYS',
      ].join('|')})\\b`,
    );
    expect(occurrences(names)).toEqual([]);
  });
});
