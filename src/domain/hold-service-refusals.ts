// Refusal codes of the hold and loan services added by issue 26 (R-RES-10..12, R-NOTE-2), kept
// in their own list so refusals.ts only spreads them in.

export const HOLD_SERVICE_REFUSAL_CODES = [
  // Changing the pickup branch (R-RES-10)
  'HOLD_PICKUP_NOT_CHANGEABLE',
  'HOLD_PICKUP_SAME_BRANCH',
  // Suspending a hold, or giving it a 不要日 (R-RES-11, R-RES-12)
  'HOLD_NOT_PAUSABLE_TRAPPED',
  'HOLD_PAUSE_DATE_OUT_OF_RANGE',
  'HOLD_NOT_SUSPENDED',
] as const;

export type HoldServiceRefusal = (typeof HOLD_SERVICE_REFUSAL_CODES)[number];
