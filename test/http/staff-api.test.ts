import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNotice } from '../../src/db/notices.js';
import { placeHold } from '../../src/services/holds.js';
import { ADMIN_TOKEN, testApp, type TestApp } from '../helpers/app.js';
import { addPatron } from '../helpers/library.js';
import { PATRON } from '../helpers/actors.js';

/** Tokyo wall-clock time as an instant: at('2026-12-01 10:00'). 2026-12-07 is a Monday. */
const at = (tokyo: string): Date => new Date(`${tokyo.replace(' ', 'T')}:00+09:00`);
const T0 = at('2026-12-01 10:00'); // a Tuesday, an opening day

let serial = 0;
const uid = (prefix: string) => `${prefix}${Date.now() % 100000}${++serial}`;

type Call = TestApp['call'];

/** Registers a patron through the staff API and returns the card number. */
async function patron(
  call: Call,
  extra: { birthDate?: string; residency?: string; disabilityService?: boolean } = {},
): Promise<string> {
  const cardNumber = uid('C');
  const r = await call('POST', '/admin/patrons', {
    cardNumber,
    name: `利用者 ${cardNumber}`,
    birthDate: '1980-05-05',
    residency: 'resident',
    ...extra,
  });
  expect(r.status).toBe(201);
  return cardNumber;
}

interface CopySpec {
  branch?: string;
  inLibraryOnly?: boolean;
}

/** Adds one title with its copies through the staff API: its bibId and the copies' barcodes. */
async function title(
  call: Call,
  copies: CopySpec[] = [{}],
  extra: { materialType?: string; title?: string } = {},
): Promise<{ bibId: string; barcodes: string[] }> {
  const items = copies.map((c) => ({
    barcode: uid('B'),
    branch: c.branch ?? 'honkan',
    callNumber: '913.6 カ',
    ...(c.inLibraryOnly ? { inLibraryOnly: true } : {}),
  }));
  const r = await call('POST', '/admin/catalog', {
    records: [{ title: extra.title ?? `本 ${uid('T')}`, materialType: extra.materialType ?? 'book', items }],
  });
  expect(r.status).toBe(201);
  return { bibId: String(r.body.bibIds[0]), barcodes: items.map((i) => i.barcode) };
}

function expectError(r: { status: number; body: any }, status: number, code?: string): void {
  expect(r.status).toBe(status);
  expect(r.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  if (code !== undefined) expect(r.body.error.code).toBe(code);
  expect(r.body.error.message.trim()).not.toBe('');
}

/** A library rule said no: 422 with the rule's code and a Japanese sentence for the librarian. */
function expectRefusal(r: { status: number; body: any }, code: string): void {
  expectError(r, 422, code);
  expect(r.body.error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
}

async function patronView(call: Call, card: string): Promise<any> {
  const r = await call('GET', `/admin/patrons/${card}`);
  expect(r.status).toBe(200);
  return r.body;
}

async function holdOf(call: Call, card: string, holdId: string): Promise<any> {
  const view = await patronView(call, card);
  return view.holds.find((h: any) => String(h.holdId) === String(holdId));
}

describe('staff API', () => {
  let t: TestApp;
  let call: Call;
  beforeAll(async () => {
    t = await testApp({ now: T0 });
    call = (...args) => t.call(...args);
  });
  afterAll(async () => {
    await t?.close();
  });
  const setNow = (d: Date) => {
    t.now = d;
  };

  describe('bearer token', () => {
    it.each([
      ['GET', '/admin/patrons/1234'],
      ['POST', '/admin/patrons'],
      ['POST', '/admin/catalog'],
      ['POST', '/admin/checkouts'],
      ['POST', '/admin/jobs/expire-holds'],
    ])('%s %s without a token is refused with 401 and nothing is done', async (method, path) => {
      const r = await call(method, path, {}, { token: null });
      expectError(r, 401, 'UNAUTHORIZED');
    });

    it('a wrong token is refused with 401, even when it is a prefix of the right one', async () => {
      expectError(await call('GET', '/admin/patrons/1234', undefined, { token: 'wrong-token' }), 401);
      expectError(await call('GET', '/admin/patrons/1234', undefined, { token: ADMIN_TOKEN.slice(0, -1) }), 401);
      expectError(await call('GET', '/admin/patrons/1234', undefined, { token: `${ADMIN_TOKEN}x` }), 401);
    });

    it('a patron registered without a token does not exist afterwards', async () => {
      const cardNumber = uid('C');
      await call(
        'POST',
        '/admin/patrons',
        { cardNumber, name: '無断 登録', birthDate: '1980-05-05', residency: 'resident' },
        { token: null },
      );
      expectError(await call('GET', `/admin/patrons/${cardNumber}`), 404, 'UNKNOWN_PATRON');
    });
  });

  describe('POST /admin/patrons', () => {
    it('registers a patron and answers 201 with the patron', async () => {
      const cardNumber = uid('C');
      const r = await call('POST', '/admin/patrons', {
        cardNumber,
        name: '鎌ケ谷 花子',
        birthDate: '1985-04-02',
        residency: 'worker',
      });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        cardNumber,
        name: '鎌ケ谷 花子',
        birthDate: '1985-04-02',
        residency: 'worker',
        disabilityService: false,
      });
      const view = await patronView(call, cardNumber);
      expect(view).toEqual({ cardNumber, name: '鎌ケ谷 花子', email: null, holds: [], loans: [] });
    });

    it('registers a disability-service patron', async () => {
      const cardNumber = uid('C');
      const r = await call('POST', '/admin/patrons', {
        cardNumber,
        name: '鎌ケ谷 次郎',
        birthDate: '1950-01-01',
        residency: 'resident',
        disabilityService: true,
      });
      expect(r.status).toBe(201);
      expect(r.body.disabilityService).toBe(true);
    });

    it.each([
      ['birthDate', { birthDate: '2026-02-30' }],
      ['birthDate', { birthDate: '1980/05/05' }],
      ['residency', { residency: 'visitor' }],
      ['cardNumber', { cardNumber: '1234-5678' }],
      ['cardNumber', { cardNumber: '123456789012345678901' }],
      ['name', { name: '' }],
      ['nickname', { nickname: 'はなちゃん' }],
      ['disabilityService', { disabilityService: 'yes' }],
    ])('answers 400 naming %s when it is not right', async (field, change) => {
      const r = await call('POST', '/admin/patrons', {
        cardNumber: uid('C'),
        name: '鎌ケ谷 花子',
        birthDate: '1980-05-05',
        residency: 'resident',
        ...change,
      });
      expectError(r, 400, 'BAD_REQUEST');
      expect(r.body.error.message).toContain(field);
    });

    it('answers 400 when a required field is missing, naming it', async () => {
      const r = await call('POST', '/admin/patrons', {
        cardNumber: uid('C'),
        name: '鎌ケ谷 花子',
        residency: 'resident',
      });
      expectError(r, 400, 'BAD_REQUEST');
      expect(r.body.error.message).toContain('birthDate');
    });

    it('answers 400 when the body is not JSON', async () => {
      const r = await call('POST', '/admin/patrons', undefined, { rawBody: '{"cardNumber": "123",' });
      expectError(r, 400, 'BAD_REQUEST');
      expect(r.body.error.message).toMatch(/JSON/);
    });

    it('answers 409 for a card number already registered, and keeps the first patron', async () => {
      const cardNumber = await patron(call);
      const r = await call('POST', '/admin/patrons', {
        cardNumber,
        name: '別人',
        birthDate: '1990-01-01',
        residency: 'none',
      });
      expectError(r, 409, 'CARD_NUMBER_EXISTS');
      expect((await patronView(call, cardNumber)).name).toBe(`利用者 ${cardNumber}`);
    });
  });

  describe('GET /admin/patrons/:cardNumber', () => {
    it('R-RES-9: shows active holds and loans exactly in the contract shape', async () => {
      setNow(T0);
      const card = await patron(call);
      const other = await patron(call);
      const first = await patron(call);
      // A title all of whose copies are out: holds wait in line.
      const waiting = await title(call, [{ branch: 'honkan' }]);
      expect(
        (await call('POST', '/admin/checkouts', { cardNumber: other, itemBarcode: waiting.barcodes[0] })).status,
      ).toBe(201);
      expect(
        (
          await call('POST', '/admin/holds', {
            cardNumber: first,
            bibId: waiting.bibId,
            pickupBranch: 'tobu',
            channel: 'counter',
          })
        ).status,
      ).toBe(201);
      const queued = await call('POST', '/admin/holds', {
        cardNumber: card,
        bibId: waiting.bibId,
        pickupBranch: 'tobu',
        channel: 'phone',
      });
      // A title with a copy on the shelf of the pickup branch: ready at once.
      const shelf = await title(call, [{ branch: 'honkan' }]);
      const ready = await call('POST', '/admin/holds', {
        cardNumber: card,
        bibId: shelf.bibId,
        pickupBranch: 'honkan',
        channel: 'counter',
      });
      // A loan.
      const lent = await title(call, [{ branch: 'honkan' }]);
      const loan = await call('POST', '/admin/checkouts', { cardNumber: card, itemBarcode: lent.barcodes[0] });

      const view = await patronView(call, card);
      expect(Object.keys(view).sort()).toEqual(['cardNumber', 'email', 'holds', 'loans', 'name']);
      expect(view.cardNumber).toBe(card);
      expect(view.email).toBeNull();
      expect(view.holds.map((h: any) => Object.keys(h).sort())).toEqual([
        ['bibId', 'contact', 'holdId', 'pickupBranch', 'pickupDeadline', 'position', 'status'],
        ['bibId', 'contact', 'holdId', 'pickupBranch', 'pickupDeadline', 'position', 'status'],
      ]);
      const holds = view.holds.map((h: any) => ({ ...h, holdId: String(h.holdId), bibId: String(h.bibId) }));
      expect(holds).toEqual([
        {
          holdId: String(queued.body.holdId),
          bibId: waiting.bibId,
          status: 'queued',
          position: 2,
          pickupBranch: 'tobu',
          pickupDeadline: null,
          contact: 'none',
        },
        {
          holdId: String(ready.body.holdId),
          bibId: shelf.bibId,
          status: 'ready',
          position: 1,
          pickupBranch: 'honkan',
          pickupDeadline: '2026-12-09',
          contact: 'none',
        },
      ]);
      expect(view.loans).toHaveLength(1);
      const l = view.loans[0];
      expect(Object.keys(l).sort()).toEqual(['bibId', 'dueDate', 'itemBarcode', 'loanId', 'renewals']);
      expect({ ...l, loanId: String(l.loanId), bibId: String(l.bibId) }).toEqual({
        loanId: String(loan.body.loanId),
        itemBarcode: lent.barcodes[0],
        bibId: lent.bibId,
        dueDate: '2026-12-15',
        renewals: 0,
      });
    });

    it('no longer lists a loan once the copy is returned, nor a hold once it is collected', async () => {
      setNow(T0);
      const card = await patron(call);
      const book = await title(call, [{ branch: 'honkan' }]);
      const hold = await call('POST', '/admin/holds', {
        cardNumber: card,
        bibId: book.bibId,
        pickupBranch: 'honkan',
        channel: 'counter',
      });
      expect((await holdOf(call, card, hold.body.holdId)).status).toBe('ready');
      expect((await call('POST', '/admin/checkouts', { cardNumber: card, itemBarcode: book.barcodes[0] })).status).toBe(
        201,
      );
      let view = await patronView(call, card);
      expect(view.holds).toEqual([]);
      expect(view.loans).toHaveLength(1);
      expect((await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[0], branch: 'honkan' })).status).toBe(
        200,
      );
      view = await patronView(call, card);
      expect(view.loans).toEqual([]);
    });

    it('answers 404 for an unknown card number', async () => {
      expectError(await call('GET', '/admin/patrons/999999999999'), 404, 'UNKNOWN_PATRON');
      expectError(await call('GET', '/admin/patrons/no-such-card'), 404);
    });
  });

  describe('POST /admin/patrons/:cardNumber/initial-password', () => {
    it('R-PW-1: issues an initial password of 8 letters and digits, stored only as a hash', async () => {
      setNow(T0);
      const card = await patron(call);
      const r = await call('POST', `/admin/patrons/${card}/initial-password`);
      expect(r.status).toBe(201);
      expect(Object.keys(r.body)).toEqual(['initialPassword']);
      expect(r.body.initialPassword).toMatch(/^[A-Za-z0-9]{8}$/);
      const row = await t.db
        .selectFrom('patrons')
        .select(['password_hash', 'password_is_initial'])
        .where('card_number', '=', card)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).not.toBeNull();
      expect(row.password_hash).not.toContain(r.body.initialPassword);
      expect(row.password_is_initial).toBe(true);
    });

    it('R-PW-4: a forgotten password is replaced by a new initial password', async () => {
      const card = await patron(call);
      const first = await call('POST', `/admin/patrons/${card}/initial-password`);
      const second = await call('POST', `/admin/patrons/${card}/initial-password`);
      expect(second.status).toBe(201);
      expect(second.body.initialPassword).not.toBe(first.body.initialPassword);
    });

    it('answers 404 for an unknown card number', async () => {
      expectError(await call('POST', '/admin/patrons/999999999998/initial-password'), 404, 'UNKNOWN_PATRON');
    });

    it('R-ELIG-5: refuses a disability-service patron with 422 DISABILITY_SERVICE', async () => {
      const card = await patron(call, { disabilityService: true });
      expectRefusal(await call('POST', `/admin/patrons/${card}/initial-password`), 'DISABILITY_SERVICE');
      const row = await t.db
        .selectFrom('patrons')
        .select('password_hash')
        .where('card_number', '=', card)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toBeNull();
    });

    it('R-ELIG-6: refuses a 4-year-old with 422 NOT_ELEMENTARY_AGE', async () => {
      setNow(T0);
      const card = await patron(call, { birthDate: '2022-06-01' });
      expectRefusal(await call('POST', `/admin/patrons/${card}/initial-password`), 'NOT_ELEMENTARY_AGE');
    });

    it(
      'R-ELIG-6: a child born on 1 April 2020 is in first ' + 'grade in December 2026, one born on 2 April 2020 is not',
      async () => {
        setNow(T0);
        const older = await patron(call, { birthDate: '2020-04-01' });
        const younger = await patron(call, { birthDate: '2020-04-02' });
        expect((await call('POST', `/admin/patrons/${older}/initial-password`)).status).toBe(201);
        expectRefusal(await call('POST', `/admin/patrons/${younger}/initial-password`), 'NOT_ELEMENTARY_AGE');
      },
    );
  });

  describe('POST /admin/catalog', () => {
    const record = (title: string, barcode: string, extra: Record<string, unknown> = {}) => ({
      title,
      materialType: 'book',
      items: [{ barcode, branch: 'honkan', callNumber: '913.6 カ' }],
      ...extra,
    });
    const bibCount = async () =>
      Number(
        (
          await t.db
            .selectFrom('bibs')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('adds the records and answers 201 with their bibIds in input order', async () => {
      const titles = ['鎌ケ谷の歴史', 'かまがや昔話', '梨づくりの一年'];
      const r = await call('POST', '/admin/catalog', {
        records: [
          record(titles[0]!, uid('B'), { author: '鎌ケ谷市教育委員会', year: 2001, classification: '213.5' }),
          {
            title: titles[1]!,
            materialType: 'kamishibai',
            classification: 'C',
            items: [{ barcode: uid('B'), branch: 'tobu', callNumber: 'P カ' }],
          },
          { title: titles[2]!, materialType: 'book', items: [] },
        ],
      });
      expect(r.status).toBe(201);
      expect(r.body.bibIds).toHaveLength(3);
      for (const [i, id] of (r.body.bibIds as unknown[]).entries()) {
        const bib = await t.db
          .selectFrom('bibs')
          .select('title')
          .where('id', '=', String(id))
          .executeTakeFirstOrThrow();
        expect(bib.title).toBe(titles[i]);
      }
    });

    it.each([
      ['materialType', { records: [record('電子書籍', 'E1', { materialType: 'ebook' })] }],
      [
        'branch',
        { records: [{ ...record('分館の本', 'E2'), items: [{ barcode: 'E2', branch: 'kita', callNumber: '913' }] }] },
      ],
      [
        'barcode',
        {
          records: [{ ...record('記号の本', 'E3'), items: [{ barcode: 'E-3', branch: 'honkan', callNumber: '913' }] }],
        },
      ],
      ['records', { records: [] }],
      ['records', {}],
    ])('answers 400 naming %s, and stores nothing', async (field, body) => {
      const before = await bibCount();
      const r = await call('POST', '/admin/catalog', body);
      expectError(r, 400, 'BAD_REQUEST');
      expect(r.body.error.message).toContain(field);
      expect(await bibCount()).toBe(before);
    });

    it('answers 409 for a barcode already in the catalog, and stores nothing of the request', async () => {
      const existing = await title(call);
      const fresh = uid('B');
      const before = await bibCount();
      const r = await call('POST', '/admin/catalog', {
        records: [record('新しい本', fresh), record('重複した本', existing.barcodes[0]!)],
      });
      expectError(r, 409, 'BARCODE_EXISTS');
      expect(r.body.error.message).toContain(existing.barcodes[0]);
      expect(await bibCount()).toBe(before);
      expect(
        await t.db.selectFrom('items').select('id').where('barcode', '=', fresh).executeTakeFirst(),
      ).toBeUndefined();
    });

    it('answers 409 for a barcode given twice in one request, and stores nothing', async () => {
      const barcode = uid('B');
      const before = await bibCount();
      expectError(
        await call('POST', '/admin/catalog', { records: [record('上巻', barcode), record('下巻', barcode)] }),
        409,
        'DUPLICATE_BARCODE',
      );
      expect(await bibCount()).toBe(before);
    });
  });

  describe('POST /admin/checkouts', () => {
    it('lends a copy for two weeks: 201 with loanId and dueDate', async () => {
      setNow(T0);
      const card = await patron(call);
      const book = await title(call);
      const r = await call('POST', '/admin/checkouts', { cardNumber: card, itemBarcode: book.barcodes[0] });
      expect(r.status).toBe(201);
      expect(Object.keys(r.body).sort()).toEqual(['dueDate', 'loanId']);
      expect(String(r.body.loanId)).toMatch(/^\d+$/);
      expect(r.body.dueDate).toBe('2026-12-15');
    });

    it('a due date that falls on a Monday moves to the Tuesday', async () => {
      const card = await patron(call);
      const book = await title(call);
      const r = await call('POST', '/admin/checkouts', {
        cardNumber: card,
        itemBarcode: book.barcodes[0],
        checkedOutAt: '2026-11-23T10:00:00+09:00',
      });
      expect(r.status).toBe(201);
      expect(r.body.dueDate).toBe('2026-12-08');
    });

    it('a due date in the year-end closure moves past it, and past the Monday after it', async () => {
      const card = await patron(call);
      const book = await title(call);
      // 2026-12-16 + 14 days = 2026-12-30 (closed until 3 Jan); 2027-01-04 is a Monday.
      const r = await call('POST', '/admin/checkouts', {
        cardNumber: card,
        itemBarcode: book.barcodes[0],
        checkedOutAt: '2026-12-16T10:00:00+09:00',
      });
      expect(r.status).toBe(201);
      expect(r.body.dueDate).toBe('2027-01-05');
    });

    it('counts the loan period from the Tokyo date of the checkout', async () => {
      const card = await patron(call);
      const book = await title(call);
      // 2026-11-22 15:30 UTC is 2026-11-23 00:30 in Tokyo: due 2026-12-07 (Monday) → 2026-12-08.
      const r = await call('POST', '/admin/checkouts', {
        cardNumber: card,
        itemBarcode: book.barcodes[0],
        checkedOutAt: '2026-11-22T15:30:00Z',
      });
      expect(r.status).toBe(201);
      expect(r.body.dueDate).toBe('2026-12-08');
    });

    it('honours an explicit due date', async () => {
      const card = await patron(call);
      const book = await title(call);
      const r = await call('POST', '/admin/checkouts', {
        cardNumber: card,
        itemBarcode: book.barcodes[0],
        dueDate: '2026-12-20',
      });
      expect(r.status).toBe(201);
      expect(r.body.dueDate).toBe('2026-12-20');
      expect((await patronView(call, card)).loans[0].dueDate).toBe('2026-12-20');
    });

    it.each([
      ['dueDate', { dueDate: '2026-12-32' }],
      ['checkedOutAt', { checkedOutAt: '2026-12-01 10:00' }],
      ['itemBarcode', { itemBarcode: 'AB/12' }],
    ])('answers 400 naming %s when it is malformed', async (field, change) => {
      const r = await call('POST', '/admin/checkouts', { cardNumber: '1234', itemBarcode: '5678', ...change });
      expectError(r, 400, 'BAD_REQUEST');
      expect(r.body.error.message).toContain(field);
    });

    it('answers 404 for an unknown card number or barcode', async () => {
      const card = await patron(call);
      const book = await title(call);
      expectError(
        await call('POST', '/admin/checkouts', { cardNumber: '999999999997', itemBarcode: book.barcodes[0] }),
        404,
        'UNKNOWN_PATRON',
      );
      expectError(
        await call('POST', '/admin/checkouts', { cardNumber: card, itemBarcode: 'NOSUCHCOPY1' }),
        404,
        'UNKNOWN_ITEM',
      );
      expect((await patronView(call, card)).loans).toEqual([]);
    });

    it('answers 409 for a copy already on loan', async () => {
      const book = await title(call);
      const first = await patron(call);
      const second = await patron(call);
      expect(
        (await call('POST', '/admin/checkouts', { cardNumber: first, itemBarcode: book.barcodes[0] })).status,
      ).toBe(201);
      expectError(
        await call('POST', '/admin/checkouts', { cardNumber: second, itemBarcode: book.barcodes[0] }),
        409,
        'ITEM_ALREADY_ON_LOAN',
      );
      expect((await patronView(call, second)).loans).toEqual([]);
    });

    it('refuses to lend an in-library-only copy: 422 ITEM_NOT_AVAILABLE', async () => {
      const card = await patron(call);
      const reference = await title(call, [{ inLibraryOnly: true }], { title: '鎌ケ谷市史' });
      expectRefusal(
        await call('POST', '/admin/checkouts', { cardNumber: card, itemBarcode: reference.barcodes[0] }),
        'ITEM_NOT_AVAILABLE',
      );
    });

    it(
      'refuses to lend a copy on the hold shelf to someone else: ' +
        '422 ITEM_TRAPPED_FOR_OTHER_PATRON; its patron may borrow it',
      async () => {
        setNow(T0);
        const book = await title(call, [{ branch: 'honkan' }]);
        const holder = await patron(call);
        const walkIn = await patron(call);
        const hold = await call('POST', '/admin/holds', {
          cardNumber: holder,
          bibId: book.bibId,
          pickupBranch: 'honkan',
          channel: 'counter',
        });
        expect((await holdOf(call, holder, hold.body.holdId)).status).toBe('ready');
        expectRefusal(
          await call('POST', '/admin/checkouts', { cardNumber: walkIn, itemBarcode: book.barcodes[0] }),
          'ITEM_TRAPPED_FOR_OTHER_PATRON',
        );
        expect(
          (await call('POST', '/admin/checkouts', { cardNumber: holder, itemBarcode: book.barcodes[0] })).status,
        ).toBe(201);
        const view = await patronView(call, holder);
        expect(view.holds).toEqual([]);
        expect(view.loans.map((l: any) => l.itemBarcode)).toEqual([book.barcodes[0]]);
      },
    );

    it('the patron a copy is travelling to may borrow it where it is: the hold is fulfilled', async () => {
      setNow(T0);
      const book = await title(call, [{ branch: 'honkan' }]);
      const borrower = await patron(call);
      const holder = await patron(call);
      await call('POST', '/admin/checkouts', { cardNumber: borrower, itemBarcode: book.barcodes[0] });
      const hold = await call('POST', '/admin/holds', {
        cardNumber: holder,
        bibId: book.bibId,
        pickupBranch: 'nanbu',
        channel: 'counter',
      });
      await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[0], branch: 'honkan' });
      expect((await holdOf(call, holder, hold.body.holdId)).status).toBe('in_transit');
      const r = await call('POST', '/admin/checkouts', { cardNumber: holder, itemBarcode: book.barcodes[0] });
      expect(r.status).toBe(201);
      const view = await patronView(call, holder);
      expect(view.holds).toEqual([]);
      expect(view.loans.map((l: any) => l.itemBarcode)).toEqual([book.barcodes[0]]);
    });

    it(
      'a patron who borrows another copy than the one kept ' + 'for them puts the kept copy back into circulation',
      async () => {
        setNow(T0);
        const book = await title(call, [{ branch: 'honkan' }, { branch: 'tobu' }]);
        const holder = await patron(call);
        const borrower = await patron(call);
        const next = await patron(call);
        // The tobu copy is out; the honkan copy is kept for the holder at honkan.
        await call('POST', '/admin/checkouts', { cardNumber: borrower, itemBarcode: book.barcodes[1] });
        const h1 = await call('POST', '/admin/holds', {
          cardNumber: holder,
          bibId: book.bibId,
          pickupBranch: 'honkan',
          channel: 'counter',
        });
        expect((await holdOf(call, holder, h1.body.holdId)).status).toBe('ready');
        // The tobu copy comes back with nobody waiting, and the holder borrows it at tobu.
        expect((await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[1], branch: 'tobu' })).body).toEqual(
          {},
        );
        expect(
          (await call('POST', '/admin/checkouts', { cardNumber: holder, itemBarcode: book.barcodes[1] })).status,
        ).toBe(201);
        expect((await patronView(call, holder)).holds).toEqual([]);
        // The honkan copy no longer waits on the hold shelf: the next hold gets it at once.
        const h2 = await call('POST', '/admin/holds', {
          cardNumber: next,
          bibId: book.bibId,
          pickupBranch: 'honkan',
          channel: 'counter',
        });
        expect(await holdOf(call, next, h2.body.holdId)).toMatchObject({ status: 'ready', pickupBranch: 'honkan' });
        expect(
          (await call('POST', '/admin/checkouts', { cardNumber: next, itemBarcode: book.barcodes[0] })).status,
        ).toBe(201);
      },
    );
  });

  describe('POST /admin/checkins', () => {
    it('a returned copy with nobody waiting answers 200 {} and can be lent again', async () => {
      setNow(T0);
      const book = await title(call);
      const card = await patron(call);
      await call('POST', '/admin/checkouts', { cardNumber: card, itemBarcode: book.barcodes[0] });
      const r = await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[0], branch: 'honkan' });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({});
      expect(
        (await call('POST', '/admin/checkouts', { cardNumber: await patron(call), itemBarcode: book.barcodes[0] }))
          .status,
      ).toBe(201);
    });

    it(
      'R-RES-8: a copy returned at the pickup branch of a ' + 'waiting hold is ready at once, kept 7 opening days',
      async () => {
        setNow(T0);
        const book = await title(call, [{ branch: 'tobu' }]);
        const borrower = await patron(call);
        const holder = await patron(call);
        await call('POST', '/admin/checkouts', { cardNumber: borrower, itemBarcode: book.barcodes[0] });
        const hold = await call('POST', '/admin/holds', {
          cardNumber: holder,
          bibId: book.bibId,
          pickupBranch: 'tobu',
          channel: 'counter',
        });
        expect(hold.status).toBe(201);
        const r = await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[0], branch: 'tobu' });
        expect(r.status).toBe(200);
        expect(String(r.body.trappedHoldId)).toBe(String(hold.body.holdId));
        // Secured Tue 1 Dec; 7 opening days from Wed 2 Dec, skipping Monday 7 Dec: Wed 9 Dec.
        expect(await holdOf(call, holder, hold.body.holdId)).toMatchObject({
          status: 'ready',
          pickupBranch: 'tobu',
          pickupDeadline: '2026-12-09',
          position: 1,
        });
      },
    );

    it(
      'R-RES-8: a copy secured just before the year end is kept ' +
        '7 opening days counted after the closure and the Mondays',
      async () => {
        setNow(at('2026-12-27 15:00')); // Sunday; 28 Dec is a Monday, 29 Dec - 3 Jan closed, 4 and 11 Jan are Mondays
        const book = await title(call, [{ branch: 'seibu' }]);
        const borrower = await patron(call);
        const holder = await patron(call);
        await call('POST', '/admin/checkouts', { cardNumber: borrower, itemBarcode: book.barcodes[0] });
        const hold = await call('POST', '/admin/holds', {
          cardNumber: holder,
          bibId: book.bibId,
          pickupBranch: 'seibu',
          channel: 'counter',
        });
        expect((await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[0], branch: 'seibu' })).status).toBe(
          200,
        );
        // Opening days: 5, 6, 7, 8, 9, 10 and 12 January.
        expect(await holdOf(call, holder, hold.body.holdId)).toMatchObject({
          status: 'ready',
          pickupDeadline: '2027-01-12',
        });
      },
    );

    it('a copy returned at another branch travels to the pickup branch: the hold is in transit', async () => {
      setNow(T0);
      const book = await title(call, [{ branch: 'honkan' }]);
      const borrower = await patron(call);
      const holder = await patron(call);
      await call('POST', '/admin/checkouts', { cardNumber: borrower, itemBarcode: book.barcodes[0] });
      const hold = await call('POST', '/admin/holds', {
        cardNumber: holder,
        bibId: book.bibId,
        pickupBranch: 'nanbu',
        channel: 'phone',
      });
      const r = await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[0], branch: 'honkan' });
      expect(r.status).toBe(200);
      expect(String(r.body.trappedHoldId)).toBe(String(hold.body.holdId));
      expect(await holdOf(call, holder, hold.body.holdId)).toMatchObject({
        status: 'in_transit',
        pickupBranch: 'nanbu',
        pickupDeadline: null,
      });
      // Nobody else can borrow it on the way.
      expectRefusal(
        await call('POST', '/admin/checkouts', { cardNumber: borrower, itemBarcode: book.barcodes[0] }),
        'ITEM_TRAPPED_FOR_OTHER_PATRON',
      );
    });

    it('R-RES-3: a returned copy goes to the hold that became official first', async () => {
      setNow(T0);
      const book = await title(call, [{ branch: 'honkan' }]);
      const borrower = await patron(call);
      const first = await patron(call);
      const second = await patron(call);
      await call('POST', '/admin/checkouts', { cardNumber: borrower, itemBarcode: book.barcodes[0] });
      const h1 = await call('POST', '/admin/holds', {
        cardNumber: first,
        bibId: book.bibId,
        pickupBranch: 'honkan',
        channel: 'phone',
      });
      setNow(at('2026-12-01 10:05'));
      const h2 = await call('POST', '/admin/holds', {
        cardNumber: second,
        bibId: book.bibId,
        pickupBranch: 'honkan',
        channel: 'counter',
      });
      const r = await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[0], branch: 'honkan' });
      expect(String(r.body.trappedHoldId)).toBe(String(h1.body.holdId));
      expect(await holdOf(call, second, h2.body.holdId)).toMatchObject({ status: 'queued', position: 2 });
    });

    it('answers 404 for an unknown barcode', async () => {
      expectError(
        await call('POST', '/admin/checkins', { itemBarcode: 'NOSUCHCOPY2', branch: 'honkan' }),
        404,
        'UNKNOWN_ITEM',
      );
    });

    it('answers 400 for an unknown branch, naming the field', async () => {
      const book = await title(call);
      const r = await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[0], branch: 'kamagaya-eki' });
      expectError(r, 400, 'BAD_REQUEST');
      expect(r.body.error.message).toContain('branch');
    });
  });

  describe('POST /admin/transits/arrive', () => {
    it(
      'R-RES-8: a copy arriving at the pickup branch makes ' + 'the hold ready, kept 7 opening days from the next one',
      async () => {
        setNow(T0);
        const book = await title(call, [{ branch: 'honkan' }]);
        const borrower = await patron(call);
        const holder = await patron(call);
        await call('POST', '/admin/checkouts', { cardNumber: borrower, itemBarcode: book.barcodes[0] });
        const hold = await call('POST', '/admin/holds', {
          cardNumber: holder,
          bibId: book.bibId,
          pickupBranch: 'higashi-hatsutomi',
          channel: 'counter',
        });
        await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[0], branch: 'honkan' });
        setNow(at('2026-12-02 11:00'));
        const r = await call('POST', '/admin/transits/arrive', {
          itemBarcode: book.barcodes[0],
          branch: 'higashi-hatsutomi',
        });
        expect(r.status).toBe(200);
        // Secured Wed 2 Dec; opening days Thu 3 .. Sun 6, Tue 8 .. Thu 10.
        expect(await holdOf(call, holder, hold.body.holdId)).toMatchObject({
          status: 'ready',
          pickupBranch: 'higashi-hatsutomi',
          pickupDeadline: '2026-12-10',
        });
        expect(
          (await call('POST', '/admin/checkouts', { cardNumber: holder, itemBarcode: book.barcodes[0] })).status,
        ).toBe(201);
      },
    );

    it('answers 409 when the copy is not in transit', async () => {
      const book = await title(call);
      expectError(
        await call('POST', '/admin/transits/arrive', { itemBarcode: book.barcodes[0], branch: 'honkan' }),
        409,
        'NOT_IN_TRANSIT',
      );
    });

    it('answers 409 when the copy arrives at a branch it is not going to, and the hold stays in transit', async () => {
      setNow(T0);
      const book = await title(call, [{ branch: 'honkan' }]);
      const borrower = await patron(call);
      const holder = await patron(call);
      await call('POST', '/admin/checkouts', { cardNumber: borrower, itemBarcode: book.barcodes[0] });
      const hold = await call('POST', '/admin/holds', {
        cardNumber: holder,
        bibId: book.bibId,
        pickupBranch: 'seibu',
        channel: 'counter',
      });
      await call('POST', '/admin/checkins', { itemBarcode: book.barcodes[0], branch: 'honkan' });
      expectError(
        await call('POST', '/admin/transits/arrive', { itemBarcode: book.barcodes[0], branch: 'hokubu' }),
        409,
        'WRONG_BRANCH',
      );
      expect((await holdOf(call, holder, hold.body.holdId)).status).toBe('in_transit');
    });

    it('answers 404 for an unknown barcode', async () => {
      expectError(
        await call('POST', '/admin/transits/arrive', { itemBarcode: 'NOSUCHCOPY3', branch: 'honkan' }),
        404,
        'UNKNOWN_ITEM',
      );
    });
  });

  describe('POST /admin/holds', () => {
    it('R-RES-3: counter and phone holds are official at once and queue in the order they were taken', async () => {
      setNow(T0);
      const book = await title(call, [{ branch: 'honkan' }]);
      await call('POST', '/admin/checkouts', { cardNumber: await patron(call), itemBarcode: book.barcodes[0] });
      const a = await patron(call);
      const b = await patron(call);
      const ha = await call('POST', '/admin/holds', {
        cardNumber: a,
        bibId: book.bibId,
        pickupBranch: 'honkan',
        channel: 'counter',
      });
      setNow(at('2026-12-01 10:01'));
      const hb = await call('POST', '/admin/holds', {
        cardNumber: b,
        bibId: Number(book.bibId),
        pickupBranch: 'tobu',
        channel: 'phone',
      });
      expect(ha.status).toBe(201);
      expect(hb.status).toBe(201);
      expect(String(ha.body.holdId)).toMatch(/^\d+$/);
      expect(await holdOf(call, a, ha.body.holdId)).toMatchObject({
        status: 'queued',
        position: 1,
        pickupBranch: 'honkan',
        contact: 'none',
      });
      expect(await holdOf(call, b, hb.body.holdId)).toMatchObject({
        status: 'queued',
        position: 2,
        pickupBranch: 'tobu',
        contact: 'none',
      });
    });

    it('R-RES-2: a sixth active hold is refused with 422 HOLD_LIMIT_REACHED', async () => {
      setNow(T0);
      const card = await patron(call);
      for (let i = 0; i < 5; i++) {
        const book = await title(call);
        expect(
          (
            await call('POST', '/admin/holds', {
              cardNumber: card,
              bibId: book.bibId,
              pickupBranch: 'seibu',
              channel: i % 2 ? 'phone' : 'counter',
            })
          ).status,
        ).toBe(201);
      }
      const sixth = await title(call);
      expectRefusal(
        await call('POST', '/admin/holds', {
          cardNumber: card,
          bibId: sixth.bibId,
          pickupBranch: 'seibu',
          channel: 'counter',
        }),
        'HOLD_LIMIT_REACHED',
      );
      expect((await patronView(call, card)).holds).toHaveLength(5);
    });

    it('R-RES-1: a CD cannot be reserved: 422 NOT_RESERVABLE_AV', async () => {
      const card = await patron(call);
      const cd = await title(call, [{}], { materialType: 'cd', title: 'CD 鎌ケ谷の童謡' });
      expectRefusal(
        await call('POST', '/admin/holds', {
          cardNumber: card,
          bibId: cd.bibId,
          pickupBranch: 'honkan',
          channel: 'counter',
        }),
        'NOT_RESERVABLE_AV',
      );
    });

    it('R-RES-1: a title whose copies are all for in-library use cannot be reserved', async () => {
      const card = await patron(call);
      const ref = await title(call, [{ inLibraryOnly: true }]);
      expectRefusal(
        await call('POST', '/admin/holds', {
          cardNumber: card,
          bibId: ref.bibId,
          pickupBranch: 'honkan',
          channel: 'counter',
        }),
        'NOT_RESERVABLE_IN_LIBRARY_ONLY',
      );
    });

    it('a second hold on the same title is refused: 422 ALREADY_HOLDING_TITLE', async () => {
      const card = await patron(call);
      const book = await title(call);
      expect(
        (
          await call('POST', '/admin/holds', {
            cardNumber: card,
            bibId: book.bibId,
            pickupBranch: 'tobu',
            channel: 'counter',
          })
        ).status,
      ).toBe(201);
      expectRefusal(
        await call('POST', '/admin/holds', {
          cardNumber: card,
          bibId: book.bibId,
          pickupBranch: 'honkan',
          channel: 'phone',
        }),
        'ALREADY_HOLDING_TITLE',
      );
    });

    it('a hold on a title the patron has on loan is refused: 422 TITLE_ON_LOAN_TO_PATRON', async () => {
      const card = await patron(call);
      const book = await title(call, [{}, {}]);
      expect((await call('POST', '/admin/checkouts', { cardNumber: card, itemBarcode: book.barcodes[0] })).status).toBe(
        201,
      );
      expectRefusal(
        await call('POST', '/admin/holds', {
          cardNumber: card,
          bibId: book.bibId,
          pickupBranch: 'honkan',
          channel: 'counter',
        }),
        'TITLE_ON_LOAN_TO_PATRON',
      );
    });

    it('answers 404 for an unknown bibId or card number', async () => {
      const card = await patron(call);
      const book = await title(call);
      expectError(
        await call('POST', '/admin/holds', {
          cardNumber: card,
          bibId: '999999999',
          pickupBranch: 'honkan',
          channel: 'counter',
        }),
        404,
        'UNKNOWN_BIB',
      );
      expectError(
        await call('POST', '/admin/holds', {
          cardNumber: '999999999996',
          bibId: book.bibId,
          pickupBranch: 'honkan',
          channel: 'counter',
        }),
        404,
        'UNKNOWN_PATRON',
      );
    });

    it.each([
      ['channel', { channel: 'online' }],
      ['channel', { channel: 'line' }],
      ['pickupBranch', { pickupBranch: 'kamagaya' }],
      ['bibId', { bibId: 'abc' }],
    ])('answers 400 naming %s when it is not allowed', async (field, change) => {
      const card = await patron(call);
      const book = await title(call);
      const r = await call('POST', '/admin/holds', {
        cardNumber: card,
        bibId: book.bibId,
        pickupBranch: 'honkan',
        channel: 'counter',
        ...change,
      });
      expectError(r, 400, 'BAD_REQUEST');
      expect(r.body.error.message).toContain(field);
      expect((await patronView(call, card)).holds).toEqual([]);
    });
  });

  describe('POST /admin/calendar/closed-dates', () => {
    it('a due date falling on a closed date of the branch moves to its next opening day', async () => {
      // 2027-02-10 (Wed) + 14 days = 2027-02-24 (Wed), closed at 本館 only.
      const r = await call('POST', '/admin/calendar/closed-dates', { dates: ['2027-02-24'], branch: 'honkan' });
      expect(r.status).toBe(201);
      const card = await patron(call);
      const honkan = await title(call, [{ branch: 'honkan' }]);
      const tobu = await title(call, [{ branch: 'tobu' }]);
      const checkedOutAt = '2027-02-10T10:00:00+09:00';
      expect(
        (await call('POST', '/admin/checkouts', { cardNumber: card, itemBarcode: honkan.barcodes[0], checkedOutAt }))
          .body.dueDate,
      ).toBe('2027-02-25');
      expect(
        (await call('POST', '/admin/checkouts', { cardNumber: card, itemBarcode: tobu.barcodes[0], checkedOutAt })).body
          .dueDate,
      ).toBe('2027-02-24');
    });

    it('without a branch, the date is closed at every branch', async () => {
      // 2027-02-24 (Wed) + 14 days = 2027-03-10 (Wed).
      expect((await call('POST', '/admin/calendar/closed-dates', { dates: ['2027-03-10'] })).status).toBe(201);
      const card = await patron(call);
      const checkedOutAt = '2027-02-24T10:00:00+09:00';
      for (const branch of ['honkan', 'tobu', 'seibu', 'hokubu', 'nanbu', 'higashi-hatsutomi']) {
        const book = await title(call, [{ branch }]);
        const r = await call('POST', '/admin/checkouts', {
          cardNumber: card,
          itemBarcode: book.barcodes[0],
          checkedOutAt,
        });
        expect([branch, r.body.dueDate]).toEqual([branch, '2027-03-11']);
      }
    });

    it('adding a date again is harmless', async () => {
      expect((await call('POST', '/admin/calendar/closed-dates', { dates: ['2027-03-10'] })).status).toBe(201);
    });

    it.each([
      ['dates', { dates: ['2027-02-30'] }],
      ['dates', { dates: ['next monday'] }],
      ['dates', { dates: [] }],
      ['branch', { dates: ['2027-02-26'], branch: 'kita' }],
    ])('answers 400 naming %s when it is malformed', async (field, body) => {
      const r = await call('POST', '/admin/calendar/closed-dates', body);
      expectError(r, 400, 'BAD_REQUEST');
      expect(r.body.error.message).toContain(field);
    });
  });

  describe('POST /admin/jobs/:name', () => {
    it('answers 404 UNKNOWN_JOB listing the jobs it knows', async () => {
      const r = await call('POST', '/admin/jobs/send-overdue-letters', {});
      expectError(r, 404, 'UNKNOWN_JOB');
      for (const name of ['promote-holds', 'expire-holds', 'deliver-notices'])
        expect(r.body.error.message).toContain(name);
    });

    it.each(['tomorrow', '2026-12-01T10:00:00', '2026-12-01'])(
      'answers 400 for now=%s (not an ISO instant with an offset)',
      async (now) => {
        const r = await call('POST', '/admin/jobs/expire-holds', { now });
        expectError(r, 400, 'BAD_REQUEST');
        expect(r.body.error.message).toContain('now');
      },
    );

    it('runs without a body, at the clock of the app', async () => {
      const r = await call('POST', '/admin/jobs/promote-holds');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ processed: expect.any(Number) });
    });
  });
});

describe('staff API jobs', () => {
  // A database of their own, so that `processed` counts only what these tests made.
  let t: TestApp;
  let call: Call;
  beforeAll(async () => {
    t = await testApp({ now: T0 });
    call = (...args) => t.call(...args);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('R-RES-3: promote-holds makes an online hold official on the next opening-day morning, not before', async () => {
    t.now = at('2026-12-05 19:00'); // Saturday evening; Sunday is open
    const card = uid('C');
    await addPatron(t.db, card, { password: true });
    const book = await title(call, [{ branch: 'honkan' }]);
    await call('POST', '/admin/checkouts', { cardNumber: await patron(call), itemBarcode: book.barcodes[0] });
    const placed = await placeHold(
      t.db,
      { cardNumber: card, bibId: book.bibId, pickupBranch: 'honkan', channel: 'online', actor: PATRON },
      t.now,
    );
    if (!placed.ok) throw new Error(JSON.stringify(placed.failure));
    expect(await holdOf(call, card, placed.value.id)).toMatchObject({ status: 'requested', position: null });

    let r = await call('POST', '/admin/jobs/promote-holds', { now: '2026-12-06T08:30:00+09:00' });
    expect(r).toEqual({ status: 200, body: { processed: 0 } });
    expect((await holdOf(call, card, placed.value.id)).status).toBe('requested');

    r = await call('POST', '/admin/jobs/promote-holds', { now: '2026-12-06T09:30:00+09:00' });
    expect(r).toEqual({ status: 200, body: { processed: 1 } });
    expect(await holdOf(call, card, placed.value.id)).toMatchObject({ status: 'queued', position: 1 });

    r = await call('POST', '/admin/jobs/promote-holds', { now: '2026-12-06T09:31:00+09:00' });
    expect(r).toEqual({ status: 200, body: { processed: 0 } });
  });

  it(
    'R-RES-8: expire-holds cancels a hold not collected ' + 'by its deadline, and its copy goes to the next in line',
    async () => {
      t.now = T0;
      const book = await title(call, [{ branch: 'hokubu' }]);
      const first = await patron(call);
      const next = await patron(call);
      const h1 = await call('POST', '/admin/holds', {
        cardNumber: first,
        bibId: book.bibId,
        pickupBranch: 'hokubu',
        channel: 'counter',
      });
      t.now = at('2026-12-01 10:30');
      const h2 = await call('POST', '/admin/holds', {
        cardNumber: next,
        bibId: book.bibId,
        pickupBranch: 'hokubu',
        channel: 'counter',
      });
      expect(await holdOf(call, first, h1.body.holdId)).toMatchObject({
        status: 'ready',
        pickupDeadline: '2026-12-09',
      });

      // The deadline day itself is still in time.
      let r = await call('POST', '/admin/jobs/expire-holds', { now: '2026-12-09T20:00:00+09:00' });
      expect(r).toEqual({ status: 200, body: { processed: 0 } });
      expect((await holdOf(call, first, h1.body.holdId)).status).toBe('ready');

      r = await call('POST', '/admin/jobs/expire-holds', { now: '2026-12-10T00:00:00+09:00' });
      expect(r).toEqual({ status: 200, body: { processed: 1 } });
      expect((await patronView(call, first)).holds).toEqual([]);
      // Secured Thu 10 Dec: Fri 11 .. Sun 13, Tue 15 .. Fri 18.
      expect(await holdOf(call, next, h2.body.holdId)).toMatchObject({
        status: 'ready',
        position: 1,
        pickupDeadline: '2026-12-18',
      });
    },
  );

  it('deliver-notices sends a due LINE notice once, and waits out quiet hours', async () => {
    const card = await patron(call);
    const row = await t.db.selectFrom('patrons').select('id').where('card_number', '=', card).executeTakeFirstOrThrow();
    await t.db
      .insertInto('line_users')
      .values({ line_user_id: `U${'0123456789abcdef'.repeat(2)}`, patron_id: row.id, linked_at: T0 })
      .execute();
    await insertNotice(t.db, {
      patronId: row.id,
      kind: 'hold_ready',
      channel: 'line',
      payload: { title: '鎌ケ谷の歴史', pickupBranch: 'honkan', pickupDeadline: '2026-12-20' },
      dedupeKey: `test:${card}`,
      dueAt: at('2026-12-11 21:30'),
    });
    let r = await call('POST', '/admin/jobs/deliver-notices', { now: '2026-12-11T22:00:00+09:00' });
    expect(r).toEqual({ status: 200, body: { processed: 0 } });
    expect(t.messenger.pushes).toEqual([]);

    r = await call('POST', '/admin/jobs/deliver-notices', { now: '2026-12-12T08:00:00+09:00' });
    expect(r).toEqual({ status: 200, body: { processed: 1 } });
    expect(t.messenger.pushes).toHaveLength(1);
    expect(t.messenger.pushes[0]?.to).toBe(`U${'0123456789abcdef'.repeat(2)}`);
    expect(JSON.stringify(t.messenger.pushes[0]?.messages)).toContain('鎌ケ谷の歴史');

    r = await call('POST', '/admin/jobs/deliver-notices', { now: '2026-12-12T08:05:00+09:00' });
    expect(r).toEqual({ status: 200, body: { processed: 0 } });
    expect(t.messenger.pushes).toHaveLength(1);
  });
});

describe('staff API switched off (no ADMIN_TOKEN)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ adminToken: null });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['GET', '/admin/patrons/1234'],
    ['POST', '/admin/patrons'],
    ['POST', '/admin/jobs/expire-holds'],
  ])('%s %s answers 404 STAFF_API_OFF, whatever token is sent', async (method, path) => {
    expectError(await t.call(method, path, {}), 404, 'STAFF_API_OFF');
    expectError(await t.call(method, path, {}, { token: ADMIN_TOKEN }), 404, 'STAFF_API_OFF');
    expectError(await t.call(method, path, {}, { token: '' }), 404, 'STAFF_API_OFF');
  });

  it('the health check still answers', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
  });
});
