/** The inbox's timings and sizes, with the measurements and reasons behind them. */

/** Attempts at an event before it is parked as failed. */
export const MAX_EVENT_ATTEMPTS = 8;
/**
 * A claimed event not finished by then (its process died, or its failure could not be recorded
 * while the database was away) is claimed again. Short, because a second attempt is harmless:
 * completion is fenced by the claim, and an attempt's writes commit only with its completion.
 */
export const EVENT_LEASE_MS = 20_000;
/** Retries of replies and parking of hopeless events: looked for at most this often. */
export const SWEEP_EVERY_MS = 1_000;
/**
 * Handled events are kept this long, then deleted: long past LINE's redeliveries (so a
 * redelivered event is still recognised) and long enough to look back at a failure, but the
 * patrons' words are not kept for ever.
 */
export const INBOX_RETENTION_MS = 30 * 24 * 60 * 60_000;
export const PURGE_EVERY_MS = 60 * 60_000;
export const PURGE_BATCH = 1000;

/**
 * Lanes on PostgreSQL. Many, because lanes mostly wait, and events handled together share their
 * statements (claim, copies, completion — see Coalescer): bench:webhook on 2 cores went from
 * ~375 events/s with 8 lanes to ~480 with 16 and ~510–575 with 64, the database's CPU per event
 * falling from 1.1 to 0.7 ms. The pool stays small: lanes wait on shared statements, not on
 * connections of their own.
 */
export const INBOX_LANES = 64;

/**
 * While events trickle in (the last claim took every due event), a claim is made no sooner than
 * this after the one before, so the events stored meanwhile are claimed, read and completed
 * together: a few statements (and wake-ups of the database and of this thread) for several events
 * instead of for each. bench:webhook at 500 events/s: PostgreSQL's CPU per event 1.0 → 0.8-0.9 ms
 * and the acknowledgements, which share the two cores, faster (see docs/reliability.md). A backlog
 * is claimed without waiting; the cost is at most this much on a reply.
 */
export const CLAIM_GATHER_MS = 10;
