import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { findPatronByCard } from '../../src/db/patrons.js';
import { addClosedDates } from '../../src/services/calendar.js';
import { checkout } from '../../src/services/circulation.js';
import { placeHold } from '../../src/services/holds.js';
import { renewLoan } from '../../src/services/renewal.js';
import { refusalMessage } from '../../src/messages/ja/index.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { PATRON, STAFF } from '../helpers/actors.js';

let database: Database;
const loans: Record<string, string> = {};
const patronId: Record<string, string> = {};

beforeAll(async () => {
  database = await testDatabase();
  const db = database.db;
  const ids = await addTitles(db, [
    BOOK('羅生門', [['2001', 'honkan']]),
    BOOK('蜘蛛の糸', [['2002', 'honkan']]),
    {
      title: '千と千尋の神隠し',
      materialType: 'dvd',
      items: [{ barcode: '2003', branch: 'honkan', callNumber: 'DVD 778' }],
    },
    BOOK('河童', [['2004', 'honkan']]),
    BOOK('鼻', [['2005', 'honkan']]),
    BOOK('トロッコ', [['2006', 'tobu']]),
    BOOK('杜子春', [['2007', 'tobu']]),
    BOOK('或阿呆の一生', [['2008', 'honkan']]),
  ]);
  patronId.R = await addPatron(db, 'R');
  patronId.OUT = await addPatron(db, 'OUT', { residency: 'none' });
  patronId.KID = await addPatron(db, 'KID', { birthDate: '2021-01-10' });
  await addPatron(db, 'H');
  const lend = async (card: string, barcode: string, when: string) => {
    const r = await checkout(db, { cardNumber: card, itemBarcode: barcode, loanPeriodDays: 14 }, at(when));
    if (!r.ok) throw new Error(JSON.stringify(r.failure));
    return r.value.loanId;
  };
  loans.rashomon = await lend('R', '2001', '2026-11-20 10:00');
  loans.kumo = await lend('R', '2002', '2026-11-20 10:00');
  loans.dvd = await lend('R', '2003', '2026-11-20 10:00');
  loans.overdue = await lend('R', '2004', '2026-11-01 10:00');
  loans.outsider = await lend('OUT', '2005', '2026-11-20 10:00');
  loans.kid = await lend('KID', '2006', '2026-11-20 10:00');
  // H waits for 蜘蛛の糸.
  const h = await placeHold(
    db,
    { cardNumber: 'H', bibId: ids[1]!, pickupBranch: 'honkan', channel: 'counter', actor: STAFF },
    at('2026-11-25 10:00'),
  );
  if (!h.ok) throw new Error('hold');
});
afterAll(async () => database.close());

const renew = (loan: string, patron: string, when: string) =>
  renewLoan(database.db, { loanId: loans[loan]!, patronId: patronId[patron]!, actor: PATRON }, at(when));
const code = (r: Awaited<ReturnType<typeof renew>>) =>
  r.ok ? 'ok' : r.failure.kind === 'refused' ? r.failure.refusal.code : r.failure.kind;

describe('renewing loans', () => {
  it('R-LOAN-3: the new due date is two weeks after the day of the request, moved off a closed day', async () => {
    // Requested Sun 29 Nov → Sun 13 Dec, an opening day.
    const r = await renew('rashomon', 'R', '2026-11-29 10:00');
    expect(r.ok && r.value.dueDate).toBe('2026-12-13');
  });

  it('R-LOAN-4: a loan renewed once cannot be renewed again', async () => {
    expect(code(await renew('rashomon', 'R', '2026-11-30 10:00'))).toBe('NOT_RENEWABLE_ALREADY_RENEWED');
  });

  it('R-LOAN-4: a title someone else is waiting for cannot be renewed', async () => {
    expect(code(await renew('kumo', 'R', '2026-11-29 10:00'))).toBe('NOT_RENEWABLE_HELD_FOR_OTHERS');
  });

  it('R-LOAN-4: audiovisual material cannot be renewed', async () => {
    expect(code(await renew('dvd', 'R', '2026-11-29 10:00'))).toBe('NOT_RENEWABLE_AV');
  });

  it('R-LOAN-4: an overdue loan cannot be renewed', async () => {
    expect(code(await renew('overdue', 'R', '2026-11-29 10:00'))).toBe('NOT_RENEWABLE_OVERDUE');
  });

  it('R-ELIG-3: a patron living outside the city may renew; a preschool child may not', async () => {
    expect(code(await renew('outsider', 'OUT', '2026-11-29 10:00'))).toBe('ok');
    expect(code(await renew('kid', 'KID', '2026-11-29 10:00'))).toBe('NOT_ELEMENTARY_AGE');
  });

  it("R-LOAN-2: a patron cannot renew another patron's loan (answered as unknown, nothing changes)", async () => {
    expect(code(await renew('kumo', 'OUT', '2026-11-29 10:00'))).toBe('not_found');
  });

  it(
    'R-LOAN-3: a renewal landing on a listed closed day of the ' + 'lending branch moves to the next opening day',
    async () => {
      // トロッコ was lent at 東部分館; renewing on Tue 1 Dec gives Tue 15 Dec, closed there this year.
      await addClosedDates(database.db, ['2026-12-15'], 'tobu');
      await addPatron(database.db, 'T');
      const lent = await checkout(
        database.db,
        { cardNumber: 'T', itemBarcode: '2007', loanPeriodDays: 14 },
        at('2026-11-25 10:00'),
      );
      if (!lent.ok) throw new Error(JSON.stringify(lent.failure));
      const t = await findPatronByCard(database.db, 'T');
      const r = await renewLoan(
        database.db,
        { loanId: lent.value.loanId, patronId: t!.id, actor: PATRON },
        at('2026-12-01 10:00'),
      );
      expect(r.ok && r.value.dueDate).toBe('2026-12-16');
    },
  );

  it('R-LOAN-6: renewing on the day of checkout is refused with the first useful day, and spends nothing', async () => {
    await addPatron(database.db, 'S');
    const lent = await checkout(
      database.db,
      { cardNumber: 'S', itemBarcode: '2008', loanPeriodDays: 14 },
      at('2026-11-29 10:00'),
    );
    if (!lent.ok) throw new Error(JSON.stringify(lent.failure));
    const s = await findPatronByCard(database.db, 'S');
    const renewAt = (when: string) =>
      renewLoan(database.db, { loanId: lent.value.loanId, patronId: s!.id, actor: PATRON }, at(when));
    const r = await renewAt('2026-11-29 18:00');
    expect(!r.ok && r.failure.kind === 'refused' && r.failure.refusal).toEqual({
      code: 'NOT_RENEWABLE_NOT_YET',
      params: { dueDate: '2026-12-13', from: '2026-11-30' },
    });
    expect(refusalMessage(r.ok || r.failure.kind !== 'refused' ? undefined! : r.failure.refusal)).toBe(
      '今日延長しても返却予定日（2026年12月13日（日））は変わりません。延長の回数を無駄にしないよう、今日は受け付けていません。' +
        '2026年11月30日（月）以降に延長すると、返却予定日は申込日から2週間後になります。',
    );
    const next = await renewAt('2026-12-01 10:00');
    expect(next.ok && next.value.dueDate).toBe('2026-12-15');
  });
});
