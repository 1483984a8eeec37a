import { describe, expect, it } from 'vitest';
import {
  ACTIVE_HOLD_STATUSES,
  AUDIOVISUAL_TYPES,
  countedHolds,
  HOLD_STATUSES,
  HOLD_TRANSITIONS,
  assertTransition,
  canTransition,
  cancellationRefusal,
  contactRefusal,
  initialStatusFor,
  placementRefusal,
  reservabilityRefusal,
} from '../../src/domain/holds.js';
import type { HoldStatus, MaterialType } from '../../src/domain/holds.js';
import { KAMAGAYA } from '../helpers/profiles.js';

/** Kamagaya's holds: limit 5, counter + phone + online counted, online holds wait (依頼中). */
const HOLDS = KAMAGAYA.holds;

const book = { materialType: 'book' as MaterialType, latestIssue: false };
const lendable = { inLibraryOnly: false };
const readingRoomOnly = { inLibraryOnly: true };
const noConflicts = { holdsThisTitle: false, hasThisTitleOnLoan: false };

describe('R-RES-1 what may be reserved', () => {
  it('R-RES-1: a book, a kamishibai and a back issue of a magazine with a lendable copy may be reserved', () => {
    expect(reservabilityRefusal(book, [lendable])).toBeNull();
    expect(reservabilityRefusal({ materialType: 'kamishibai', latestIssue: false }, [lendable])).toBeNull();
    expect(reservabilityRefusal({ materialType: 'magazine', latestIssue: false }, [lendable])).toBeNull();
  });

  it('R-RES-1: audiovisual material (CD, DVD, video, cassette) may not be reserved', () => {
    expect([...AUDIOVISUAL_TYPES].sort()).toEqual(['cassette', 'cd', 'dvd', 'video']);
    for (const materialType of AUDIOVISUAL_TYPES) {
      expect(reservabilityRefusal({ materialType, latestIssue: false }, [lendable])?.code).toBe('NOT_RESERVABLE_AV');
    }
  });

  it('R-RES-1: the latest issue of a magazine may not be reserved', () => {
    expect(reservabilityRefusal({ materialType: 'magazine', latestIssue: true }, [lendable])?.code).toBe(
      'NOT_RESERVABLE_LATEST_ISSUE',
    );
  });

  it('R-RES-1: a title whose every copy is for in-library use only may not be reserved', () => {
    expect(reservabilityRefusal(book, [readingRoomOnly, readingRoomOnly])?.code).toBe('NOT_RESERVABLE_IN_LIBRARY_ONLY');
  });

  it('R-RES-1: one lendable copy among in-library-only copies is enough', () => {
    expect(reservabilityRefusal(book, [readingRoomOnly, lendable])).toBeNull();
  });

  it('R-RES-1: a title the library does not hold may not be reserved', () => {
    expect(reservabilityRefusal(book, [])?.code).toBe('NOT_RESERVABLE_NO_COPIES');
  });

  it('R-RES-1: a title-level reason is told before the copy-level one', () => {
    expect(reservabilityRefusal({ materialType: 'dvd', latestIssue: false }, [readingRoomOnly])?.code).toBe(
      'NOT_RESERVABLE_AV',
    );
  });
});

describe('R-RES-2 hold limit and the decided per-title rules', () => {
  it("R-RES-2: the 5th hold is accepted (Kamagaya's holds.limit 5)", () => {
    expect(placementRefusal({ activeHoldCount: 4, ...noConflicts }, HOLDS)).toBeNull();
  });

  it("R-RES-2: the 6th hold is refused, naming the limit (Kamagaya's holds.limit 5)", () => {
    expect(HOLDS.limit).toBe(5);
    expect(placementRefusal({ activeHoldCount: 5, ...noConflicts }, HOLDS)).toEqual({
      code: 'HOLD_LIMIT_REACHED',
      params: { limit: 5 },
    });
  });

  it('R-RES-2: another limit is the limit (a profile with holds.limit 10)', () => {
    expect(placementRefusal({ activeHoldCount: 9, ...noConflicts }, { limit: 10 })).toBeNull();
    expect(placementRefusal({ activeHoldCount: 10, ...noConflicts }, { limit: 10 })?.params).toEqual({ limit: 10 });
  });

  it("R-RES-2: counter, phone and online holds count together (Kamagaya's holds.countedChannels)", () => {
    const active = [{ channel: 'counter' as const }, { channel: 'phone' as const }, { channel: 'online' as const }];
    expect(countedHolds(active, HOLDS)).toBe(3);
    expect(countedHolds(active, { countedChannels: ['online'] })).toBe(1);
  });

  it('R-RES-2: holds that ended do not count, requested and ready ones do', () => {
    expect([...ACTIVE_HOLD_STATUSES].sort()).toEqual(['in_transit', 'queued', 'ready', 'requested']);
  });

  it('a patron cannot hold the same title twice', () => {
    expect(placementRefusal({ activeHoldCount: 1, holdsThisTitle: true, hasThisTitleOnLoan: false }, HOLDS)?.code).toBe(
      'ALREADY_HOLDING_TITLE',
    );
  });

  it('a patron cannot hold a title they have on loan', () => {
    expect(placementRefusal({ activeHoldCount: 0, holdsThisTitle: false, hasThisTitleOnLoan: true }, HOLDS)?.code).toBe(
      'TITLE_ON_LOAN_TO_PATRON',
    );
  });

  it('a per-title reason is told before the limit, which cancelling another hold would not fix', () => {
    expect(placementRefusal({ activeHoldCount: 5, holdsThisTitle: true, hasThisTitleOnLoan: false }, HOLDS)?.code).toBe(
      'ALREADY_HOLDING_TITLE',
    );
    expect(placementRefusal({ activeHoldCount: 7, holdsThisTitle: false, hasThisTitleOnLoan: true }, HOLDS)?.code).toBe(
      'TITLE_ON_LOAN_TO_PATRON',
    );
  });
});

describe('R-RES-3 channels', () => {
  it("R-RES-3: an online hold starts as 依頼中 (Kamagaya's holds.promotion.waitForNextOpeningDay)", () => {
    expect(HOLDS.promotion.waitForNextOpeningDay).toBe(true);
    expect(initialStatusFor('online', HOLDS)).toBe('requested');
  });

  it('R-RES-3: counter and phone holds are official at once', () => {
    expect(initialStatusFor('counter', HOLDS)).toBe('queued');
    expect(initialStatusFor('phone', HOLDS)).toBe('queued');
  });

  it('R-RES-3: a library whose online holds do not wait makes them official at once', () => {
    expect(initialStatusFor('online', { promotion: { waitForNextOpeningDay: false } })).toBe('queued');
  });
});

describe('R-RES-6 contact methods', () => {
  const neither = { emailConfirmed: false, lineLinked: false };

  it('R-RES-6: 連絡不要 is always allowed', () => {
    expect(contactRefusal('none', neither, KAMAGAYA.contactMethods)).toBeNull();
  });

  it('R-RES-6: E-mail needs a confirmed address', () => {
    expect(contactRefusal('email', neither, KAMAGAYA.contactMethods)?.code).toBe('EMAIL_CONTACT_NEEDS_CONFIRMED_EMAIL');
    expect(contactRefusal('email', { emailConfirmed: true, lineLinked: false }, KAMAGAYA.contactMethods)).toBeNull();
  });

  it('R-RES-6: a method the profile does not offer (contactMethods without line) is refused', () => {
    const linked = { emailConfirmed: true, lineLinked: true };
    expect(contactRefusal('line', linked, ['none', 'email'])?.code).toBe('CONTACT_METHOD_NOT_OFFERED');
    expect(contactRefusal('email', linked, ['none', 'email'])).toBeNull();
  });

  it('R-RES-6: LINE (added by this system) needs a linked LINE account', () => {
    expect(contactRefusal('line', neither, KAMAGAYA.contactMethods)?.code).toBe('LINE_CONTACT_NEEDS_LINKED_ACCOUNT');
    expect(contactRefusal('line', { emailConfirmed: false, lineLinked: true }, KAMAGAYA.contactMethods)).toBeNull();
  });
});

describe('R-CAN-2 cancelling', () => {
  it('R-CAN-2: a ready (受取り可) hold cannot be cancelled online', () => {
    expect(cancellationRefusal('ready', true)?.code).toBe('HOLD_NOT_CANCELLABLE_READY');
  });

  it('R-CAN-2: staff may cancel a ready hold when the patron phones', () => {
    expect(cancellationRefusal('ready', false)).toBeNull();
    expect(canTransition('ready', 'cancelled')).toBe(true);
  });

  it('R-CAN-1: requested, queued and in-transit holds can be cancelled online', () => {
    for (const s of ['requested', 'queued', 'in_transit'] as const) expect(cancellationRefusal(s, true)).toBeNull();
  });

  it('R-CAN-2: a hold that has ended cannot be cancelled by anyone', () => {
    for (const s of ['fulfilled', 'cancelled', 'expired'] as const) {
      expect(cancellationRefusal(s, true)?.code).toBe('HOLD_NOT_ACTIVE');
      expect(cancellationRefusal(s, false)?.code).toBe('HOLD_NOT_ACTIVE');
    }
  });
});

describe('hold life cycle', () => {
  it('ended holds have no way out, active holds can always be cancelled', () => {
    for (const s of HOLD_STATUSES) {
      const active = ACTIVE_HOLD_STATUSES.includes(s);
      expect(HOLD_TRANSITIONS[s].length > 0).toBe(active);
      expect(canTransition(s, 'cancelled')).toBe(active);
    }
  });

  it('R-RES-3: a requested hold must become official before a copy is given to it', () => {
    expect(canTransition('requested', 'queued')).toBe(true);
    expect(canTransition('requested', 'in_transit')).toBe(false);
    expect(canTransition('requested', 'ready')).toBe(false);
  });

  it('a copy lost in transit sends the hold back to the queue; a ready hold ends by loan, expiry or cancel', () => {
    expect(canTransition('in_transit', 'queued')).toBe(true);
    expect(canTransition('queued', 'ready')).toBe(true);
    expect([...HOLD_TRANSITIONS.ready].sort()).toEqual(['cancelled', 'expired', 'fulfilled']);
    expect(canTransition('ready', 'queued')).toBe(false);
  });

  it('assertTransition throws on an impossible change and names it', () => {
    expect(() => assertTransition('expired', 'ready')).toThrow('hold cannot go from expired to ready');
    expect(() => assertTransition('queued', 'in_transit')).not.toThrow();
  });

  it('no status can go back to requested', () => {
    for (const s of HOLD_STATUSES) expect(canTransition(s, 'requested' as HoldStatus)).toBe(false);
  });
});
