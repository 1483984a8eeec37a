import type { Kysely } from 'kysely';
import { countPatrons, findPatronByCard, setConfirmedEmail, setPasswordHash } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { catalogIsEmpty, findItemByBarcode } from '../db/catalog.js';
import { renewLoanRow } from '../db/loans.js';
import { listBranches } from '../db/branches.js';
import { tokyoDate } from '../domain/dates.js';
import { renewedDueDate } from '../domain/loans.js';
import { branchCalendar } from '../services/calendar.js';
import { importCatalogRecords } from '../services/catalog.js';
import { checkout } from '../services/circulation.js';
import { placeHold } from '../services/holds.js';
import { hashPassword } from '../services/passwords.js';
import { registerPatron } from '../services/patrons.js';
import type { Logger } from '../log.js';
import { demoCatalog, demoHolds, demoLoans, demoPatrons } from './demo/index.js';
import { libraryProfile } from '../profile/active.js';
import { demoBranchMap, demoRecordsAt } from './demo-branches.js';

const DAY_MS = 86_400_000;

/**
 * Loads the demo library into an empty database (no patrons and no titles), through the same
 * services the counter uses, so every loan and hold in it obeys the rules. Dates are relative to
 * `now`: the demo looks alive whenever it is started.
 */
export async function seedDemoLibrary(
  db: Kysely<DB>,
  now: Date,
  log: Logger,
  loanPeriodDays = libraryProfile().loans.periodDays,
): Promise<boolean> {
  if (!(await catalogIsEmpty(db)) || (await countPatrons(db)) > 0) return false;
  // Its copies and holds at the profile's branches (Kamagaya's own under Kamagaya's profile).
  const branchOf = demoBranchMap(await listBranches(db));
  const catalog = await importCatalogRecords(db, demoRecordsAt(demoCatalog, branchOf.copyAt));
  if (!catalog.ok) throw new Error(`demo catalog refused: ${JSON.stringify(catalog.failure)}`);

  const hashes = await Promise.all(
    demoPatrons.map((p) => (p.password ? hashPassword(p.password) : Promise.resolve(null))),
  );
  for (const [i, p] of demoPatrons.entries()) {
    const r = await registerPatron(db, {
      cardNumber: p.cardNumber,
      name: p.name,
      birthDate: p.birthDate,
      residency: p.residency,
      disabilityService: p.disabilityService ?? false,
    });
    if (!r.ok) throw new Error(`demo patron refused: ${JSON.stringify(r.failure)}`);
    const hash = hashes[i];
    if (hash)
      await setPasswordHash(db, r.value.id, hash, p.password!.length === libraryProfile().passwords.initialLength, now);
    if (p.email && p.emailType) await setConfirmedEmail(db, r.value.id, p.email, p.emailType, now);
  }

  for (const l of demoLoans) {
    const at = new Date(now.getTime() - l.checkedOutDaysAgo * DAY_MS);
    const r = await checkout(
      db,
      { cardNumber: l.cardNumber, itemBarcode: l.itemBarcode, checkedOutAt: at, loanPeriodDays },
      at,
    );
    if (!r.ok) throw new Error(`demo loan ${l.itemBarcode} refused: ${JSON.stringify(r.failure)}`);
    // A loan renewed once, ten days after it was lent (R-LOAN-3: two weeks from that day).
    if (l.renewals === 1) {
      const renewedAt = new Date(at.getTime() + 10 * DAY_MS);
      const day = tokyoDate(renewedAt);
      const item = await findItemByBarcode(db, l.itemBarcode);
      await renewLoanRow(
        db,
        r.value.loanId,
        renewedDueDate(day, await branchCalendar(db, item!.locationBranch, day), libraryProfile().loans.renewal),
        renewedAt,
      );
    }
  }

  for (const h of demoHolds) {
    const item = await findItemByBarcode(db, h.itemBarcodeOfTitle);
    const patron = await findPatronByCard(db, h.cardNumber);
    if (!item || !patron) throw new Error(`demo hold on ${h.itemBarcodeOfTitle} for an unknown item or patron`);
    const at = new Date(now.getTime() - h.placedDaysAgo * DAY_MS);
    const r = await placeHold(
      db,
      {
        cardNumber: h.cardNumber,
        bibId: item.bibId,
        pickupBranch: branchOf.pickupAt(h.pickupBranch),
        channel: h.channel,
        contact: patron.emailConfirmed ? 'email' : 'none',
        actor: h.channel === 'online' ? { kind: 'patron', via: 'page' } : { kind: 'staff' },
      },
      at,
    );
    if (!r.ok) throw new Error(`demo hold on ${h.itemBarcodeOfTitle} refused: ${JSON.stringify(r.failure)}`);
  }
  log.info('demo library loaded', {
    titles: demoCatalog.length,
    patrons: demoPatrons.length,
    loans: demoLoans.length,
    holds: demoHolds.length,
  });
  return true;
}
