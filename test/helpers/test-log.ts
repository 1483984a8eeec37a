import { createLogger, type Logger } from '../../src/log.js';

/**
 * The log of one test file. Every runtime, worker and handler the tests build logs here at debug
 * level (instead of into a silent logger), and `test/setup/log-check.ts` checks these lines after
 * each file: so the whole test run's logs are searched for the secrets it handled, not just one
 * scripted session's. Vitest gives each test file its own module instance, hence one log per file.
 */
export const capturedLogLines: string[] = [];

export const testLog: Logger = createLogger('debug', (line) => void capturedLogLines.push(line));

const secrets = new Map<string, string>();

/**
 * Marks values the logs must never hold: passwords, tokens, nonces, full card numbers. Values
 * shorter than 6 characters are ignored (too likely to occur by chance, e.g. a card "1001" in a
 * count). Helpers call this where a test makes or learns such a value.
 */
export function rememberSecret(what: string, ...values: (string | null | undefined)[]): void {
  for (const v of values) if (v && v.length >= 6 && !secrets.has(v)) secrets.set(v, what);
}

/** JSON keys whose values are secrets whatever they hold; a log line must never carry them. */
const SECRET_KEY = /pass(word)?|secret|token|nonce|authori[sz]ation|cookie|csrf/i;

/** A form's or request's fields as a test sends them: the secret ones, and the card number, are remembered. */
export function rememberSecretFields(fields: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string') continue;
    if (SECRET_KEY.test(name)) rememberSecret(`the ${name} field`, value);
    else if (/card/i.test(name)) rememberSecret('a full card number', value);
  }
}

/** What in these lines gives a secret away: one finding per line and cause. */
export function secretsIn(lines: readonly string[]): string[] {
  const found: string[] = [];
  for (const line of lines) {
    for (const [value, what] of secrets) if (line.includes(value)) found.push(`${what} in: ${line.slice(0, 300)}`);
    if (/Bearer\s+[A-Za-z0-9._~+/-]{6,}/.test(line)) found.push(`a bearer token in: ${line.slice(0, 300)}`);
    for (const key of secretKeys(parse(line))) found.push(`a "${key}" field in: ${line.slice(0, 300)}`);
  }
  return found;
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function secretKeys(value: unknown, depth = 0): string[] {
  if (depth > 8 || value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(SECRET_KEY.test(k) && typeof v === 'string' && v !== '' ? [k] : []),
    ...secretKeys(v, depth + 1),
  ]);
}
