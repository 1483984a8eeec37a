// Short words for states and kinds: hold states, copy states, material types, contact methods.
// The states keep the guide's Japanese word the counter staff use.

import type { CopyState, TitleAvailability } from '../../domain/catalog-display.js';
import type { HoldStatus } from '../../domain/holds.js';

/** R-RES-7, as ja/labels.ts explains: 依頼中, N位 (also while the copy travels), 受取り可. */
export function holdStatusLabel(status: HoldStatus, position?: number): string {
  switch (status) {
    case 'requested':
      return 'Requested (依頼中)';
    case 'queued':
    case 'in_transit':
      return position !== undefined && Number.isInteger(position) && position >= 1
        ? `#${position} in line (${position}位)`
        : 'Waiting (予約中)';
    case 'ready':
      return 'Ready (受取り可)';
    case 'fulfilled':
      return 'Borrowed';
    case 'cancelled':
      return 'Cancelled';
    case 'expired':
      return 'Pickup period over';
  }
}

/** R-SRCH-4 */
export const availabilityLabel = (lendable: boolean) => (lendable ? 'Loan: ○' : 'Loan: ×');

/** R-SRCH-4 in the result list; a title read only in the library is neither ○ nor ×. */
export const TITLE_AVAILABILITY_LABELS: Record<TitleAvailability, string> = {
  lendable: 'Loan: ○',
  out: 'Loan: ×',
  in_library_only: 'Library use only',
};

/** R-SRCH-5: each copy's state in the detail view. */
export const COPY_STATE_LABELS: Record<CopyState, string> = {
  available: 'Available',
  on_loan: 'On loan',
  in_library_only: 'Library use only',
  on_hold_shelf: 'On hold shelf',
  in_transit: 'On hold shelf',
  unavailable: 'Not available',
};

const MATERIAL_LABELS: Record<string, string> = {
  book: 'Book',
  magazine: 'Magazine',
  kamishibai: 'Kamishibai',
  cd: 'CD',
  dvd: 'DVD',
  video: 'Videotape',
  cassette: 'Cassette tape',
};
export const materialLabel = (t: string) => MATERIAL_LABELS[t] ?? t;

const CONTACT_LABELS: Record<string, string> = { none: 'No notice', email: 'E-mail', line: 'LINE' };
export const contactLabel = (c: string) => CONTACT_LABELS[c] ?? c;
