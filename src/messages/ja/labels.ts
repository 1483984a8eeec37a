// Short words for states and kinds: hold states, copy states, material types, contact methods.

import type { CopyState, TitleAvailability } from '../../domain/catalog-display.js';
import type { HoldStatus } from '../../domain/holds.js';

/**
 * R-RES-7: the state shown in the hold list.
 * - requested → 依頼中 (accepted online, not yet official).
 * - queued and in_transit → N位. A copy on its way to the pickup branch cannot
 *   be borrowed yet, and the guide's states are 依頼中, N位 and 受取り可 only;
 *   N位 is shown "even when the copy is on the shelf", so it is also shown
 *   while the copy travels ("1位" never means it can be borrowed yet).
 * - ready → 受取り可.
 * Ended holds are not in the guide's list; they get plain words in case a
 * history view shows them.
 */
export function holdStatusLabel(status: HoldStatus, position?: number): string {
  switch (status) {
    case 'requested':
      return '依頼中';
    case 'queued':
    case 'in_transit':
      // Without a position (a caller bug) say only that it waits, never "undefined位".
      return position !== undefined && Number.isInteger(position) && position >= 1 ? `${position}位` : '予約中';
    case 'ready':
      return '受取り可';
    case 'fulfilled':
      return '貸出済み';
    case 'cancelled':
      return '取消済み';
    case 'expired':
      return '取置期間終了';
  }
}

/** R-SRCH-4 */
export const availabilityLabel = (lendable: boolean) => (lendable ? '貸出：○' : '貸出：×');

/** R-SRCH-4 in the result list; a title read only in the library is neither ○ nor ×. */
export const TITLE_AVAILABILITY_LABELS: Record<TitleAvailability, string> = {
  lendable: '貸出：○',
  out: '貸出：×',
  in_library_only: '館内閲覧のみ',
};

/** R-SRCH-5: each copy's state in the detail view. */
export const COPY_STATE_LABELS: Record<CopyState, string> = {
  available: '貸出可',
  on_loan: '貸出中',
  in_library_only: '館内閲覧のみ',
  on_hold_shelf: '取置中',
  in_transit: '取置中',
  unavailable: '利用できません',
};

const MATERIAL_LABELS: Record<string, string> = {
  book: '図書',
  magazine: '雑誌',
  kamishibai: '紙芝居',
  cd: 'CD',
  dvd: 'DVD',
  video: 'ビデオテープ',
  cassette: 'カセットテープ',
};
export const materialLabel = (t: string) => MATERIAL_LABELS[t] ?? t;

const CONTACT_LABELS: Record<string, string> = { none: '連絡不要', email: 'E-mail', line: 'LINE' };
export const contactLabel = (c: string) => CONTACT_LABELS[c] ?? c;
