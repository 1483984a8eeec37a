import { describe, it, expect } from 'vitest';
import { isValidIsbn13 } from '../../src/seed/demo/helpers.js';
import { catalogByKind, demoCatalog, demoHolds, demoLoans, demoPatrons } from '../../src/seed/demo/index.js';
import type { BranchCode, DemoPatron, DemoRecord } from '../../src/seed/demo/index.js';
import { magazineNames } from '../../src/seed/demo/magazines.js';

/** The demo's "today" (Asia/Tokyo), against which the birth dates were chosen. */
const TODAY = '2026-11-28';
const BRANCHES: BranchCode[] = ['honkan', 'tobu', 'seibu', 'hokubu', 'nanbu', 'higashi-hatsutomi'];
const AV_PREFIX = { cd: 'CD ', dvd: 'DVD ', video: 'V ', cassette: 'CT ' } as const;
const isAv = (r: DemoRecord): boolean => r.materialType in AV_PREFIX;

/** First day of first grade: the 1 April after the 6th birthday; 2 April .. 1 April is one cohort (R-ELIG-6). */
function firstSchoolDay(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4));
  const enterYear = birthDate.slice(5) <= '04-01' ? year + 6 : year + 7;
  return `${enterYear}-04-01`;
}
const isSchoolAge = (p: DemoPatron): boolean => firstSchoolDay(p.birthDate) <= TODAY;
const mayReserve = (p: DemoPatron): boolean =>
  p.residency !== 'none' && isSchoolAge(p) && p.password !== undefined && !p.disabilityService;

const recordByBarcode = new Map<string, DemoRecord>();
for (const r of demoCatalog) for (const i of r.items) recordByBarcode.set(i.barcode, r);
const patronByCard = new Map(demoPatrons.map((p) => [p.cardNumber, p]));

function recordOf(barcode: string): DemoRecord {
  const r = recordByBarcode.get(barcode);
  if (!r) throw new Error(`no item ${barcode}`);
  return r;
}

describe('demo catalog', () => {
  it('has at least 320 titles, with the wanted number of each kind', () => {
    expect(demoCatalog.length).toBeGreaterThanOrEqual(320);
    expect(catalogByKind.general.length).toBeGreaterThanOrEqual(140);
    expect(catalogByKind.children.length).toBeGreaterThanOrEqual(45);
    expect(catalogByKind.kamishibai.length).toBeGreaterThanOrEqual(20);
    expect(catalogByKind.youngAdult.length).toBeGreaterThanOrEqual(20);
    expect(catalogByKind.audiovisual.length).toBeGreaterThanOrEqual(25);
    expect(catalogByKind.magazines.length).toBeGreaterThanOrEqual(25);
    expect(catalogByKind.reference.length).toBeGreaterThanOrEqual(15);
    const kinds = Object.values(catalogByKind).flat();
    expect(kinds).toEqual(demoCatalog);
  });

  it('has unique 10-digit barcodes and 0-4 copies per title; a couple of titles have none', () => {
    const barcodes = demoCatalog.flatMap((r) => r.items.map((i) => i.barcode));
    expect(new Set(barcodes).size).toBe(barcodes.length);
    for (const b of barcodes) expect(b).toMatch(/^1\d{9}$/);
    for (const r of demoCatalog) expect(r.items.length).toBeLessThanOrEqual(4);
    expect(demoCatalog.filter((r) => r.items.length === 0).length).toBeGreaterThanOrEqual(2);
  });

  it('spreads copies over the six branches: most at 本館, ≥ 20 at each, ≥ 30 titles at 東部分館', () => {
    const copies = new Map<string, number>();
    for (const r of demoCatalog) for (const i of r.items) copies.set(i.branch, (copies.get(i.branch) ?? 0) + 1);
    for (const b of BRANCHES) expect(copies.get(b) ?? 0, b).toBeGreaterThanOrEqual(20);
    expect([...copies.keys()].sort()).toEqual([...BRANCHES].sort());
    const honkan = copies.get('honkan') ?? 0;
    for (const b of BRANCHES.slice(1)) expect(honkan).toBeGreaterThan(copies.get(b) ?? 0);
    expect(demoCatalog.filter((r) => r.items.some((i) => i.branch === 'tobu')).length).toBeGreaterThanOrEqual(30);
  });

  it('has format-valid ISBN-13s (correct check digit), unique', () => {
    const isbns = demoCatalog.flatMap((r) => (r.isbn ? [r.isbn] : []));
    expect(isbns.length).toBeGreaterThanOrEqual(250);
    for (const isbn of isbns) expect(isValidIsbn13(isbn), isbn).toBe(true);
    expect(new Set(isbns).size).toBe(isbns.length);
    expect(isValidIsbn13('9784101010137')).toBe(true);
    expect(isValidIsbn13('9784101010138')).toBe(false);
  });

  it("gives general and children's books NDC call numbers with an author mark", () => {
    for (const r of [...catalogByKind.general, ...catalogByKind.children]) {
      expect(r.materialType).toBe('book');
      expect(r.classification).toMatch(/^(\d{3}(\.\d+)?|E)$/);
      for (const i of r.items)
        expect(i.callNumber).toMatch(new RegExp(`^${r.classification?.replace('.', '\\.')} [ァ-ヴー]$`));
    }
    const picture = catalogByKind.children.filter((r) => r.classification === 'E');
    expect(picture.length).toBeGreaterThanOrEqual(25);
  });

  it('R-SRCH-2: kamishibai have classification C and call numbers starting with P', () => {
    for (const r of demoCatalog) {
      const isKamishibai = r.materialType === 'kamishibai';
      expect(r.classification === 'C', r.title).toBe(isKamishibai);
      for (const i of r.items) expect(i.callNumber.startsWith('P '), i.callNumber).toBe(isKamishibai);
    }
    expect(demoCatalog.filter((r) => r.materialType === 'kamishibai')).toEqual(catalogByKind.kamishibai);
  });

  it('R-SRCH-3: young-adult material, and only it, has call numbers starting with YA', () => {
    for (const r of demoCatalog) {
      const isYa = (catalogByKind.youngAdult as readonly DemoRecord[]).includes(r);
      for (const i of r.items) expect(/^YA \d{3} [ァ-ヴー]$/.test(i.callNumber), i.callNumber).toBe(isYa);
    }
  });

  it('gives audiovisual material CD / DVD / V / CT call numbers', () => {
    const types = new Set(catalogByKind.audiovisual.map((r) => r.materialType));
    expect([...types].sort()).toEqual(['cassette', 'cd', 'dvd', 'video']);
    for (const r of demoCatalog) {
      expect(isAv(r), r.title).toBe((catalogByKind.audiovisual as readonly DemoRecord[]).includes(r));
      if (!isAv(r)) continue;
      const prefix = AV_PREFIX[r.materialType as keyof typeof AV_PREFIX];
      for (const i of r.items) expect(i.callNumber).toMatch(new RegExp(`^${prefix}\\d{3}$`));
    }
  });

  it('has several magazines with back issues and exactly one latest issue each', () => {
    expect(magazineNames.length).toBeGreaterThanOrEqual(5);
    for (const r of demoCatalog) {
      expect(r.materialType === 'magazine').toBe((catalogByKind.magazines as readonly DemoRecord[]).includes(r));
      if (r.latestIssue) expect(r.materialType).toBe('magazine');
    }
    for (const name of magazineNames) {
      const issues = catalogByKind.magazines.filter(
        (r) => r.title.startsWith(`${name} `) && /^\d{4}年/.test(r.title.slice(name.length + 1)),
      );
      expect(issues.length, name).toBeGreaterThanOrEqual(3);
      expect(issues.filter((r) => r.latestIssue).length, name).toBe(1);
    }
    const counted = magazineNames.map((n) => catalogByKind.magazines.filter((r) => r.title.startsWith(`${n} `)).length);
    expect(counted.reduce((a, b) => a + b, 0)).toBe(catalogByKind.magazines.length);
    for (const r of catalogByKind.magazines) for (const i of r.items) expect(i.callNumber).toMatch(/^Z \d{3}$/);
  });

  it('marks every copy of the reference books, and only those, in-library-only', () => {
    for (const r of demoCatalog) {
      const isRef = (catalogByKind.reference as readonly DemoRecord[]).includes(r);
      for (const i of r.items) {
        expect(i.inLibraryOnly === true, r.title).toBe(isRef);
        expect(i.callNumber.startsWith('R '), i.callNumber).toBe(isRef);
      }
    }
  });

  it('has titles for the search demo: shared words, series, mixed scripts', () => {
    for (const word of ['図書', '日本', '料理', '歴史', '猫', '旅', '鎌ケ谷', '千葉']) {
      expect(demoCatalog.filter((r) => r.title.includes(word)).length, word).toBeGreaterThanOrEqual(3);
    }
    for (let n = 1; n <= 5; n += 1)
      expect(demoCatalog.some((r) => r.title.startsWith(`銀河英雄伝説 ${n} `))).toBe(true);
    expect(demoCatalog.some((r) => r.title.includes('Python入門'))).toBe(true);
    expect(demoCatalog.some((r) => r.title.includes('ＪａｖａＳｃｒｉｐｔ'))).toBe(true);
    expect(demoCatalog.some((r) => r.title === 'ハリー・ポッターと賢者の石')).toBe(true);
    expect(demoCatalog.some((r) => r.title === 'こころ' && r.author === '夏目漱石')).toBe(true);
    const withKana = demoCatalog.filter((r) => r.titleKana && /^[ァ-ヴー]+$/.test(r.titleKana));
    expect(withKana.length).toBeGreaterThanOrEqual(demoCatalog.length * 0.9);
  });
});

describe('demo patrons', () => {
  it('have unique 10-digit card numbers starting with 2', () => {
    const cards = demoPatrons.map((p) => p.cardNumber);
    expect(new Set(cards).size).toBe(cards.length);
    for (const c of cards) expect(c).toMatch(/^2\d{9}$/);
  });

  it('R-PW-1 / R-PW-2: passwords are 8 alphanumerics (initial) or longer (changed)', () => {
    for (const p of demoPatrons) {
      if (p.password !== undefined) expect(p.password).toMatch(/^[A-Za-z0-9]{8,}$/);
      expect(p.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.note.length).toBeGreaterThan(10);
    }
    expect(demoPatrons.some((p) => p.password?.length === 8)).toBe(true);
    expect(demoPatrons.some((p) => (p.password?.length ?? 0) > 8)).toBe(true);
  });

  it('R-ELIG: cover every eligibility case', () => {
    const has = (f: (p: DemoPatron) => boolean): number => demoPatrons.filter(f).length;
    const adult = (p: DemoPatron): boolean => p.birthDate < '2006-11-29';
    expect(
      has((p) => p.residency === 'resident' && adult(p) && p.password !== undefined && !p.disabilityService),
    ).toBeGreaterThanOrEqual(3);
    expect(has((p) => p.email === 'hanako@example.jp' && p.emailType === 'pc' && mayReserve(p))).toBe(1);
    expect(has((p) => p.residency === 'worker' && mayReserve(p))).toBeGreaterThanOrEqual(1);
    expect(has((p) => p.residency === 'student' && mayReserve(p))).toBeGreaterThanOrEqual(1);
    expect(has((p) => p.residency === 'none' && p.password !== undefined && isSchoolAge(p))).toBeGreaterThanOrEqual(1);
    expect(
      has((p) => p.birthDate >= '2020-04-02' && p.birthDate <= '2021-04-01' && p.birthDate !== '2020-04-02'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      has((p) => p.birthDate > '2014-04-01' && p.birthDate < '2020-04-01' && mayReserve(p)),
    ).toBeGreaterThanOrEqual(1);
    expect(has((p) => p.disabilityService === true && p.password === undefined)).toBe(1);
    expect(has((p) => !p.disabilityService && p.password === undefined)).toBeGreaterThanOrEqual(1);
  });

  it('R-ELIG-6: the cohort boundary 2020-04-01 / 2020-04-02', () => {
    expect(firstSchoolDay('2020-04-01')).toBe('2026-04-01');
    expect(firstSchoolDay('2020-04-02')).toBe('2027-04-01');
    expect(firstSchoolDay('2021-04-01')).toBe('2027-04-01');
    expect(firstSchoolDay('2017-06-10')).toBe('2024-04-01');
    const born = (d: string): DemoPatron | undefined => demoPatrons.find((p) => p.birthDate === d);
    expect(born('2020-04-01') && isSchoolAge(born('2020-04-01')!)).toBe(true);
    expect(born('2020-04-02') && isSchoolAge(born('2020-04-02')!)).toBe(false);
    expect(born('2017-06-10') && isSchoolAge(born('2017-06-10')!)).toBe(true);
  });
});

describe('demo loans', () => {
  it('reference existing patrons and copies, each copy lent at most once', () => {
    expect(demoLoans.length).toBeGreaterThanOrEqual(35);
    const lent = demoLoans.map((l) => l.itemBarcode);
    expect(new Set(lent).size).toBe(lent.length);
    for (const l of demoLoans) {
      expect(patronByCard.has(l.cardNumber), l.cardNumber).toBe(true);
      expect(recordByBarcode.has(l.itemBarcode), l.itemBarcode).toBe(true);
      expect(l.checkedOutDaysAgo).toBeGreaterThanOrEqual(0);
    }
  });

  it('never lend in-library-only copies or a latest magazine issue', () => {
    for (const l of demoLoans) {
      const r = recordOf(l.itemBarcode);
      expect(r.latestIssue === true, r.title).toBe(false);
      expect(r.items.find((i) => i.barcode === l.itemBarcode)?.inLibraryOnly === true, r.title).toBe(false);
    }
  });

  it('show overdue, renewed, audiovisual loans and titles with every copy out (貸出：×)', () => {
    expect(demoLoans.filter((l) => l.checkedOutDaysAgo > 14).length).toBeGreaterThanOrEqual(3);
    expect(demoLoans.filter((l) => l.renewals === 1).length).toBeGreaterThanOrEqual(1);
    expect(demoLoans.some((l) => isAv(recordOf(l.itemBarcode)))).toBe(true);
    const lent = new Set(demoLoans.map((l) => l.itemBarcode));
    const allOut = demoCatalog.filter((r) => r.items.length > 0 && r.items.every((i) => lent.has(i.barcode)));
    expect(allOut.length).toBeGreaterThanOrEqual(3);
    expect(new Set(demoLoans.map((l) => l.cardNumber)).size).toBeGreaterThanOrEqual(6);
  });
});

describe('demo holds', () => {
  const titleOf = (barcode: string): DemoRecord => recordOf(barcode);

  it('reference existing patrons and titles', () => {
    expect(demoHolds.length).toBeGreaterThanOrEqual(12);
    for (const h of demoHolds) {
      expect(patronByCard.has(h.cardNumber), h.cardNumber).toBe(true);
      expect(recordByBarcode.has(h.itemBarcodeOfTitle), h.itemBarcodeOfTitle).toBe(true);
      expect(BRANCHES).toContain(h.pickupBranch);
      expect(h.placedDaysAgo).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(demoHolds.map((h) => h.channel))).toEqual(new Set(['online', 'counter', 'phone']));
  });

  it('R-RES-1: only on reservable titles (not AV, not latest issue, not in-library-only, has copies)', () => {
    for (const h of demoHolds) {
      const r = titleOf(h.itemBarcodeOfTitle);
      expect(isAv(r), r.title).toBe(false);
      expect(r.latestIssue === true, r.title).toBe(false);
      expect(r.items.length).toBeGreaterThan(0);
      expect(
        r.items.every((i) => i.inLibraryOnly === true),
        r.title,
      ).toBe(false);
    }
  });

  it('R-ELIG-2: only by patrons allowed to reserve', () => {
    for (const h of demoHolds) expect(mayReserve(patronByCard.get(h.cardNumber)!), h.cardNumber).toBe(true);
  });

  it('R-RES-2: at most 5 per patron; one patron at 4 and one at 5', () => {
    const count = new Map<string, number>();
    for (const h of demoHolds) count.set(h.cardNumber, (count.get(h.cardNumber) ?? 0) + 1);
    for (const n of count.values()) expect(n).toBeLessThanOrEqual(5);
    expect([...count.values()].filter((n) => n === 4).length).toBeGreaterThanOrEqual(1);
    expect([...count.values()].filter((n) => n === 5).length).toBeGreaterThanOrEqual(1);
  });

  it('never two holds of one patron on a title, nor a hold on a title the patron has on loan', () => {
    const keys = demoHolds.map((h) => `${h.cardNumber} ${titleOf(h.itemBarcodeOfTitle).title}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const h of demoHolds) {
      const r = titleOf(h.itemBarcodeOfTitle);
      const onLoan = demoLoans.some((l) => l.cardNumber === h.cardNumber && recordOf(l.itemBarcode) === r);
      expect(onLoan, `${h.cardNumber} ${r.title}`).toBe(false);
    }
  });

  it('include a queue of 3 and several holds on titles that are on loan (R-LOAN-4)', () => {
    const perTitle = new Map<DemoRecord, number>();
    for (const h of demoHolds) {
      const r = titleOf(h.itemBarcodeOfTitle);
      perTitle.set(r, (perTitle.get(r) ?? 0) + 1);
    }
    expect(Math.max(...perTitle.values())).toBeGreaterThanOrEqual(3);
    const lent = new Set(demoLoans.map((l) => l.itemBarcode));
    const onLoanHeld = [...perTitle.keys()].filter(
      (r) => r.items.length > 0 && r.items.every((i) => lent.has(i.barcode)),
    );
    expect(onLoanHeld.length).toBeGreaterThanOrEqual(3);
  });
});
