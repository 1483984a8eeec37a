// A second Send / Renew / Cancel (a double tap, or "yes" typed again) on something already done.

import { branchName } from '../local-names.js';
import { formatDateEn } from './format.js';

/** Says it was done already and how the item stands now, never that the operation timed out. */
export const doneAlready = {
  reserved: (title: string, branch: string, state: string) =>
    `We have already received this hold.\n"${title}"\nPickup branch (受取館): ${branchName(branch)}\n` +
    `Status: ${state}\nYou can check your holds in "My account".`,
  renewed: (title: string, dueDate: string) =>
    `This loan has already been renewed (延長).\n"${title}"\nDue date: ${formatDateEn(dueDate)}`,
  cancelled: (title: string) => `This hold has already been cancelled.\n"${title}"`,
} as const;
