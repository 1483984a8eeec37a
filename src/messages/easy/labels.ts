// Short words for states and kinds in やさしい日本語. The hold states keep the guide's words that
// the counter uses (依頼中, N位, 受取り可) with their readings, so the patron can show them.

import type { CopyState, TitleAvailability } from '../../domain/catalog-display.js';
import type { HoldStatus } from '../../domain/holds.js';

/** R-RES-7: the state shown in the hold list (see ja/labels.ts for why in_transit is N位). */
export function holdStatusLabel(status: HoldStatus, position?: number): string {
  switch (status) {
    case 'requested':
      return '依頼中（いらいちゅう）';
    case 'queued':
    case 'in_transit':
      return position !== undefined && Number.isInteger(position) && position >= 1
        ? `${position}位（い）`
        : '予約中（よやくちゅう）';
    case 'ready':
      return '受取（うけと）り可（か）';
    case 'fulfilled':
      return 'かりました';
    case 'cancelled':
      return 'とりけしました';
    case 'expired':
      return 'とっておく 日（ひ）が おわりました';
  }
}

/** R-SRCH-4 */
export const availabilityLabel = (lendable: boolean) => (lendable ? 'かりられる：○' : 'かりられる：×');

export const TITLE_AVAILABILITY_LABELS: Record<TitleAvailability, string> = {
  lendable: 'かりられる：○',
  out: 'かりられる：×',
  in_library_only: '図書館（としょかん）の 中（なか）で 読（よ）むだけ',
};

/** R-SRCH-5: each copy's state in the detail view. */
export const COPY_STATE_LABELS: Record<CopyState, string> = {
  available: 'かりられます',
  on_loan: 'ほかの 人（ひと）が かりています',
  in_library_only: '図書館（としょかん）の 中（なか）で 読（よ）むだけ',
  on_hold_shelf: '予約（よやく）の 人（ひと）の ために とってあります',
  in_transit: '予約（よやく）の 人（ひと）の ために とってあります',
  unavailable: 'いまは つかえません',
};

const MATERIAL_LABELS: Record<string, string> = {
  book: '本（ほん）',
  magazine: '雑誌（ざっし）',
  kamishibai: '紙芝居（かみしばい）',
  cd: 'CD',
  dvd: 'DVD',
  video: 'ビデオテープ',
  cassette: 'カセットテープ',
};
export const materialLabel = (t: string) => MATERIAL_LABELS[t] ?? t;

const CONTACT_LABELS: Record<string, string> = { none: 'れんらく しない', email: 'E-mail', line: 'LINE' };
export const contactLabel = (c: string) => CONTACT_LABELS[c] ?? c;
