import { bundledProfilePath, loadProfileFile } from './load.js';
import type { LibraryProfile } from './schema.js';

let active: LibraryProfile | undefined;

/**
 * The start installs the profile it read from LIBRARY_PROFILE (runtime.ts, the inbox thread);
 * services and the message table read it here. Domain rules never do: they take its values as
 * arguments, so a rule test states the value it checks.
 */
export function installProfile(profile: LibraryProfile): void {
  active = profile;
}

/** The installed profile; the bundled Kamagaya one when nothing was installed (tools, tests). */
export function libraryProfile(): LibraryProfile {
  active ??= loadProfileFile(bundledProfilePath());
  return active;
}
