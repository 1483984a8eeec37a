import { loginUrl, switchMenu } from './channel-effects.js';
import { lineUserLanguage, setLineUserLanguage } from '../db/line-users.js';
import type { Kysely } from 'kysely';
import type { AuditActor } from '../db/audit.js';
import type { DB } from '../db/schema.js';
import { currentLanguage, inLanguage, isLanguage, type Language } from '../lib/language.js';
import type { LineAccount } from './ports.js';
import { errorText, type Logger } from '../log.js';
import { completeAccountLink, rememberLinkToken, reusableLinkToken, unlinkAccount } from '../services/account-link.js';
import { searchCatalog, titleDetailView, type SharedSearchReads } from '../services/catalog-search.js';
import type { ServiceFailure } from '../services/errors.js';
import { doneAlready, type ConfirmedKind } from '../services/done-already.js';
import { cancelHold, placeHold } from '../services/holds.js';
import { libraryDays } from '../services/library-days.js';
import { cardShownTo, issueCardView, type CardView } from '../services/library-card.js';
import { renewLoan } from '../services/renewal.js';
import { patronEligibility } from '../services/patron-eligibility.js';
import type { UserFacts } from './input.js';
import * as family from './family-effects.js';
import { isWishEffect, runWishEffect, WISH_WRITING_EFFECTS, type WishEffect, type WishFacts } from './wish-effects.js';
import {
  HOLD_SERVICE_WRITES,
  isHoldServiceEffect,
  runHoldServiceEffect,
  type HoldServiceEffect,
  type HoldServiceFacts,
} from './hold-service-effects.js';
import {
  cancellableHold,
  cardNumberOf,
  patronStatus,
  reservationOptions,
  reservationPreview,
  renewalOffer,
} from '../services/patron-view.js';

/** Work a step asks the engine to do; the only way flows reach the services and LINE. */
export type Effect =
  | { kind: 'search'; text: string; page: number }
  | { kind: 'titleDetail'; bibId: string }
  | { kind: 'issueLinkToken' }
  | { kind: 'linkAccount'; nonce: string }
  | { kind: 'unlinkAccount' }
  | { kind: 'status' }
  | { kind: 'eligibility' }
  | { kind: 'reservationOptions'; bibId: string }
  | { kind: 'reservationPreview'; bibId: string; branch: string }
  | { kind: 'placeHold'; bibId: string; branch: string; contact: 'none' | 'email' | 'line' }
  | { kind: 'renewalOffer'; loanId: string }
  | { kind: 'renew'; loanId: string }
  | { kind: 'cancellableHold'; holdId: string }
  | { kind: 'cancelHold'; holdId: string }
  | { kind: 'libraryDays' }
  /** Issue 27: a fresh address of the shown card's barcode image (services/library-card.ts). */
  | { kind: 'libraryCard' }
  /** Issue 28: the LINE user's language, chosen with 言語 / Language. */
  | { kind: 'setLanguage'; language: Language }
  /** The rich menu of the login state in the event's language (a new follower's first menu). */
  | { kind: 'showMenu' }
  /** A confirmation tapped after its state moved on: is what it confirms done already? */
  | { kind: 'doneAlready'; action: ConfirmedKind; id: string }
  /** Issue 26: pickup change, suspension, renew all, reminder choices (hold-service-effects.ts). */
  | HoldServiceEffect
  /** Issue 26: the wish list and the hold manager's offers (wish-effects.ts). */
  | WishEffect
  /** Family cards: switching, unlinking one, the family's status (family-effects.ts). */
  | family.FamilyEffect;

type Result<T> = { ok: true; value: T } | { ok: false; failure: ServiceFailure };

export interface Facts extends HoldServiceFacts, WishFacts, family.FamilyFacts {
  search?: Awaited<ReturnType<typeof searchCatalog>>;
  title?: Awaited<ReturnType<typeof titleDetailView>> | null;
  loginUrl?: string | null;
  linked?: Awaited<ReturnType<typeof completeAccountLink>>;
  unlinked?: boolean;
  status?: Awaited<ReturnType<typeof patronStatus>>;
  /** The logged-in patron's eligibility, so offers follow it (R-ELIG-2); absent when logged out. */
  eligibility?: Awaited<ReturnType<typeof patronEligibility>>;
  reservation?: Awaited<ReturnType<typeof reservationOptions>>;
  preview?: Awaited<ReturnType<typeof reservationPreview>>;
  placed?: Result<{ holdId: string; branch: string }>;
  renewal?: Awaited<ReturnType<typeof renewalOffer>>;
  renewed?: Result<{ dueDate: string }>;
  cancellable?: Awaited<ReturnType<typeof cancellableHold>>;
  cancelled?: Result<{ holdId: string }>;
  libraryDays?: Awaited<ReturnType<typeof libraryDays>>;
  /** null: no card to show (not logged in, or a number Codabar cannot draw). */
  libraryCard?: CardView | null;
  /** null: not done (or not the patron's own); the tap is expired. */
  doneAlready?: Awaited<ReturnType<typeof doneAlready>>;
}

export interface EffectDeps {
  db: Kysely<DB>;
  line: LineAccount;
  publicBaseUrl: string;
  log: Logger;
  /** false: outside a transaction; an effect that changes library data throws NeedsTransaction. */
  writes?: boolean;
  /** What the runtime's searches share (kept rankings, copies read together); reads outside a transaction only. */
  searchReads?: SharedSearchReads;
}

/**
 * Effects that change library data or the login, and must commit with the event. A link token
 * is not among them: its row is useless until the patron logs in, and one left by an event
 * handled twice just expires.
 */
const WRITING_EFFECTS: ReadonlySet<Effect['kind']> = new Set([
  'linkAccount',
  'unlinkAccount',
  'placeHold',
  'renew',
  'cancelHold',
  'setLanguage',
  ...(HOLD_SERVICE_WRITES as Effect['kind'][]),
  ...WISH_WRITING_EFFECTS,
  ...family.FAMILY_WRITING_EFFECTS,
]);

/** The event must be handled again inside a transaction: one of its effects writes. */
export class NeedsTransaction extends Error {
  constructor(kind: string) {
    super(`the ${kind} effect changes library data: handle the event in a transaction`);
  }
}

/**
 * Performs a step's effects: reads on the pool, or inside the event's transaction (services nest with savepoints).
 * Every patron effect acts for the LINE user's own linked card: ids in postbacks are checked
 * against it by the services, so another patron's hold or loan is never touched.
 */
export async function runEffects(
  deps: EffectDeps,
  effects: readonly Effect[],
  user: UserFacts,
  now: Date,
): Promise<Facts> {
  const { db } = deps;
  const facts: Facts = {};
  // Effects after a successful linkAccount in the same list act for the card just linked: the
  // login carries on to what was asked for (the status, a reservation's title) in that event.
  let patronId = user.patronId;
  for (const e of effects) {
    if (deps.writes === false && WRITING_EFFECTS.has(e.kind)) throw new NeedsTransaction(e.kind);
    if (isWishEffect(e)) {
      await runWishEffect(db, e, patronId, now, facts);
      continue;
    }
    if (family.isFamilyEffect(e)) {
      const before = patronId;
      patronId = await family.runFamilyEffect(db, e, user.lineUserId, patronId, now, facts);
      if (before !== null && patronId === null) await switchMenu(deps, user.lineUserId, 'logged-out');
      continue;
    }
    switch (e.kind) {
      case 'search':
        facts.search = await searchCatalog(db, e.text, e.page, deps.writes === false ? deps.searchReads : undefined);
        break;
      case 'titleDetail':
        facts.title = (await titleDetailView(db, e.bibId)) ?? null;
        break;
      case 'issueLinkToken':
        facts.loginUrl = await loginUrl(deps, user.lineUserId, now);
        break;
      case 'linkAccount':
        facts.linked = await completeAccountLink(db, { lineUserId: user.lineUserId, nonce: e.nonce }, now);
        if (facts.linked.ok) {
          patronId = facts.linked.value.patronId;
          await switchMenu(deps, user.lineUserId, 'logged-in');
          // The card moved here from another LINE user who has no card left: their menu says ログイン.
          const from = facts.linked.value.movedFrom;
          if (from?.loggedOut) {
            const theirs = await lineUserLanguage(db, from.lineUserId);
            await inLanguage(isLanguage(theirs) ? theirs : 'ja', () => switchMenu(deps, from.lineUserId, 'logged-out'));
          }
        }
        break;
      case 'unlinkAccount':
        facts.unlinked = await unlinkAccount(db, user.lineUserId, now);
        await switchMenu(deps, user.lineUserId, 'logged-out');
        break;
      case 'status':
        if (patronId) facts.status = await patronStatus(db, patronId, now);
        break;
      case 'libraryCard': {
        // Like a link token, the image's token row is not library data: it commits on its own.
        const shown = cardShownTo({ lineUserId: user.lineUserId, patronId });
        facts.libraryCard = shown ? ((await issueCardView(db, shown, now)) ?? null) : null;
        break;
      }
      case 'eligibility':
        if (patronId) facts.eligibility = await patronEligibility(db, patronId, now);
        break;
      case 'reservationOptions':
        if (patronId) facts.reservation = await reservationOptions(db, patronId, e.bibId, now);
        break;
      case 'reservationPreview':
        if (patronId) facts.preview = await reservationPreview(db, e.bibId, e.branch, now);
        break;
      case 'placeHold':
        if (patronId) facts.placed = await place(deps, user, patronId, e, now);
        break;
      case 'renewalOffer':
        if (patronId) facts.renewal = await renewalOffer(db, patronId, e.loanId, now);
        break;
      case 'renew':
        if (patronId) facts.renewed = await renew(deps, user, patronId, e.loanId, now);
        break;
      case 'cancellableHold':
        if (patronId) facts.cancellable = await cancellableHold(db, patronId, e.holdId);
        break;
      case 'cancelHold':
        if (patronId) facts.cancelled = await cancel(deps, user, patronId, e.holdId, now);
        break;
      case 'libraryDays':
        facts.libraryDays = await libraryDays(db, now);
        break;
      case 'setLanguage':
        await setLineUserLanguage(db, user.lineUserId, e.language, now);
        await inLanguage(e.language, () => switchMenu(deps, user.lineUserId, patronId ? 'logged-in' : 'logged-out'));
        break;
      case 'showMenu':
        await switchMenu(deps, user.lineUserId, patronId ? 'logged-in' : 'logged-out');
        break;
      case 'doneAlready':
        facts.doneAlready = patronId ? await doneAlready(db, patronId, e.action, e.id, now) : null;
        break;
      default:
        if (patronId && isHoldServiceEffect(e))
          Object.assign(facts, await runHoldServiceEffect(deps, e, user, patronId, now));
    }
  }
  return facts;
}

const inLine = (user: UserFacts): AuditActor => ({ kind: 'patron', via: 'line', lineUserId: user.lineUserId });

async function place(
  deps: EffectDeps,
  user: UserFacts,
  patronId: string,
  e: Extract<Effect, { kind: 'placeHold' }>,
  now: Date,
): Promise<Facts['placed']> {
  const cardNumber = await cardNumberOf(deps.db, patronId);
  if (!cardNumber) return { ok: false, failure: { kind: 'not_found', what: 'patron', id: patronId } };
  const r = await placeHold(
    deps.db,
    {
      cardNumber,
      bibId: e.bibId,
      pickupBranch: e.branch,
      channel: 'online',
      contact: e.contact,
      lineLinked: true,
      actor: inLine(user),
    },
    now,
  );
  return r.ok ? { ok: true, value: { holdId: r.value.id, branch: e.branch } } : r;
}

async function renew(
  deps: EffectDeps,
  user: UserFacts,
  patronId: string,
  loanId: string,
  now: Date,
): Promise<Facts['renewed']> {
  const r = await renewLoan(deps.db, { loanId, patronId, actor: inLine(user) }, now);
  if (!r.ok && r.failure.kind === 'not_found')
    deps.log.warn('foreign or unknown loan in a postback', { lineUserId: user.lineUserId, loanId });
  return r.ok ? { ok: true, value: { dueDate: r.value.dueDate } } : r;
}

async function cancel(
  deps: EffectDeps,
  user: UserFacts,
  patronId: string,
  holdId: string,
  now: Date,
): Promise<Facts['cancelled']> {
  const r = await cancelHold(deps.db, { holdId, online: true, patronId, actor: inLine(user) }, now);
  if (!r.ok && r.failure.kind === 'not_found')
    deps.log.warn('foreign or unknown hold in a postback', { lineUserId: user.lineUserId, holdId });
  return r.ok ? { ok: true, value: { holdId } } : r;
}
