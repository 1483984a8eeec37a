/**
 * Login lockout: 10 failures within 15 minutes lock the subject (a card number, or a LINE user)
 * for 30 minutes. Counted per card and per LINE user, never per network address (CONTRACT.md).
 */
export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 30 * 60_000;

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export function isLocked(s: ThrottleState | undefined, now: Date): boolean {
  return s?.lockedUntil != null && s.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure at `now`: a new window when the old one has passed. */
export function afterFailure(s: ThrottleState | undefined, now: Date): ThrottleState {
  const fresh = !s || now.getTime() - s.windowStartedAt.getTime() >= FAILURE_WINDOW_MS;
  const failures = fresh ? 1 : s.failures + 1;
  const windowStartedAt = fresh ? now : s.windowStartedAt;
  const lockedUntil =
    failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : isLocked(s, now) ? s!.lockedUntil : null;
  return {
    failures: failures >= MAX_FAILURES ? 0 : failures,
    windowStartedAt: failures >= MAX_FAILURES ? now : windowStartedAt,
    lockedUntil,
  };
}
