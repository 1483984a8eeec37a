/** The statuses of a hold (予約), the one definition every layer uses (the database's check, the words, the rules). */
export type HoldStatus =
  | 'requested' // 依頼中: placed online, not yet official (R-RES-3)
  | 'queued' // official, waiting for a copy (N位)
  | 'in_transit' // a copy is assigned and on its way to the pickup branch
  | 'ready' // 受取り可: on the hold shelf of the pickup branch
  | 'fulfilled' // lent to the patron
  | 'cancelled' // by the patron, or by staff
  | 'expired'; // not collected by the pickup deadline (R-RES-8)

export const HOLD_STATUSES: readonly HoldStatus[] = [
  'requested',
  'queued',
  'in_transit',
  'ready',
  'fulfilled',
  'cancelled',
  'expired',
];
