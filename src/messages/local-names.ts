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

/** '本館' or 'honkan' → 'Main Library (本館)' in English; the name as given when untranslated. */
export function branchName(nameOrCode: string): string {
  const names = translation()?.branches;
  if (!names) return nameOrCode;
  const branch = libraryProfile().branches.find((b) => b.code === nameOrCode || b.name === nameOrCode);
  return (branch && names[branch.code]) ?? nameOrCode;
}

/** The library's name, its LINE account's name and its municipality in the language being written. */
export function libraryNames(): { name: string; accountName: string; municipality: string } {
  const own = libraryProfile().library;
  return translation()?.library ?? { name: own.name, accountName: own.accountName, municipality: own.municipality };
}
