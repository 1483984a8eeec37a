import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LibraryProfile, profileSchema } from './schema.js';

/** A profile that cannot be used; the message is one line naming the file and the first bad field. */
export class ProfileError extends Error {}

/**
 * A bundled profile (default: Kamagaya's): profiles/ at the project root under tsx and vitest,
 * dist/profiles/ when built (the Dockerfile copies it there).
 */
export function bundledProfilePath(name = 'kamagaya'): string {
  return fileURLToPath(new URL(`../../profiles/${name}.json`, import.meta.url));
}

/** `branches.2.phone`: where in the file the problem is, as a reader of the file would look for it. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(the whole file)' : path.map(String).join('.');
}

/** Validates an already parsed profile; throws a ProfileError naming the first bad field. */
export function parseProfile(value: unknown, source: string): LibraryProfile {
  const parsed = profileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ProfileError(`Library profile error in ${source}: ${fieldPath(issue.path)} ${issue.message}`);
}

const loaded = new Map<string, LibraryProfile>();

/** Reads and validates the profile file once per path (the start, the inbox thread, each test file). */
export function loadProfileFile(path: string): LibraryProfile {
  const known = loaded.get(path);
  if (known) return known;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ProfileError(`Library profile error: cannot read ${path} (${(err as NodeJS.ErrnoException).code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ProfileError(`Library profile error in ${path}: not JSON (${(err as Error).message.split('\n')[0]})`);
  }
  const profile = parseProfile(json, path);
  loaded.set(path, profile);
  return profile;
}
