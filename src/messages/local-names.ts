// The library's and its branches' names in the language being written (src/lib/language.ts),
// from the profile's `translations`; the Japanese name where the profile gives none. Branch names
// reach the tables both from the profile and from database rows (a hold's pickup branch), so a
// name is looked up by its Japanese name as well as by its code.

import { currentLanguage } from '../lib/language.js';
import { libraryProfile } from '../profile/active.js';

function translation() {
  const language = currentLanguage();
  return language === 'ja' ? undefined : libraryProfile().translations[language];
}

/** A branch's name or code → its name in the language being written ('Central (中町館)' in English). */
export function branchName(nameOrCode: string): string {
  const branch = libraryProfile().branches.find((b) => b.code === nameOrCode || b.name === nameOrCode);
  if (!branch) return nameOrCode;
  return translation()?.branches[branch.code] ?? branch.name;
}

/** The library's name, its LINE account's name and its municipality in the language being written. */
export function libraryNames(): { name: string; accountName: string; municipality: string } {
  const own = libraryProfile().library;
  return translation()?.library ?? { name: own.name, accountName: own.accountName, municipality: own.municipality };
}

/**
 * A branch's name on a button (LINE allows 20 characters): the translated name, without its
 * bracketed Japanese when that is too long, then without 'Branch'; the Japanese name in Japanese.
 */
export function branchLabel(nameOrCode: string): string {
  const full = branchName(nameOrCode);
  if (full.length <= 20) return full;
  const bare = full.replace(/\s*[（(][^）)]*[）)]\s*$/, '');
  return (bare.length <= 20 ? bare : bare.replace(/\s+Branch$/i, '')).slice(0, 20);
}
