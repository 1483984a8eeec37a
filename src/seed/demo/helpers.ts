/**
 * Compact builders for the demo catalog: one line per title.
 *
 * Holdings are written as one character per copy, by branch:
 *   本 = honkan (本館), 東 = tobu (東部分館), 西 = seibu (西部分館),
 *   北 = hokubu (北部分館), 南 = nanbu (南部分館), 初 = higashi-hatsutomi (東初富分館).
 * '本本東' = two copies at 本館 and one at 東部分館; '' = catalogued, no copies.
 *
 * Barcodes are 10 digits: '1' + section (2 digits) + title number in the section
 * (4 digits, by order of the lines) + copy number (3 digits), e.g. 1110001002 is the
 * second copy of the first title of section 11. They are stable as long as lines are
 * only appended to a section.
 */
import type { BranchCode, DemoItem, DemoRecord, MaterialType } from './types.js';
import { isIsbn13 } from '../../domain/isbn.js';

export const BRANCH_OF_MARK: Readonly<Record<string, BranchCode>> = {
  本: 'honkan',
  東: 'tobu',
  西: 'seibu',
  北: 'hokubu',
  南: 'nanbu',
  初: 'higashi-hatsutomi',
};

/** The demo's branches in the Kamagaya model library's order (a profile's branches stand in by position). */
export const DEMO_BRANCHES: readonly BranchCode[] = Object.values(BRANCH_OF_MARK);

type AvType = 'cd' | 'dvd' | 'video' | 'cassette';

const AV_PREFIX: Readonly<Record<AvType, string>> = {
  cd: 'CD',
  dvd: 'DVD',
  video: 'V',
  cassette: 'CT',
};

interface Fields {
  title: string;
  titleKana?: string | undefined;
  author?: string | undefined;
  publisher?: string | undefined;
  year?: number | undefined;
  isbn?: string | undefined;
  classification?: string | undefined;
  materialType: MaterialType;
  latestIssue?: boolean | undefined;
}

/** Builds a record in the key order of the contract, leaving out empty optional fields. */
function record(f: Fields, items: DemoItem[]): DemoRecord {
  return {
    title: f.title,
    ...(f.titleKana ? { titleKana: f.titleKana } : {}),
    ...(f.author ? { author: f.author } : {}),
    ...(f.publisher ? { publisher: f.publisher } : {}),
    ...(f.year !== undefined ? { year: f.year } : {}),
    ...(f.isbn ? { isbn: f.isbn } : {}),
    ...(f.classification ? { classification: f.classification } : {}),
    materialType: f.materialType,
    ...(f.latestIssue ? { latestIssue: true } : {}),
    items,
  };
}

/** The main class number of an NDC classification: '913.6' → '913'. */
function mainClass(classification: string): string {
  return classification.split('.')[0] ?? classification;
}

/**
 * A section of the catalog. Every builder call numbers one title and gives its
 * copies their barcodes, so the order of the lines fixes the barcodes.
 */
export function section(code: number) {
  if (!Number.isInteger(code) || code < 10 || code > 99) throw new Error(`bad section ${code}`);
  let titleNo = 0;

  function items(callNumber: string, holdings: string, inLibraryOnly = false): DemoItem[] {
    titleNo += 1;
    return [...holdings].map((mark, i) => {
      const branch = BRANCH_OF_MARK[mark];
      if (!branch) throw new Error(`unknown branch mark '${mark}' in '${holdings}'`);
      const barcode = `1${code}${String(titleNo).padStart(4, '0')}${String(i + 1).padStart(3, '0')}`;
      return { barcode, branch, callNumber, ...(inLibraryOnly ? { inLibraryOnly: true } : {}) };
    });
  }

  /** A book shelved apart: its call number starts with `label` before the NDC main class. */
  const shelvedApart =
    (label: string) =>
    (
      title: string,
      kana: string,
      author: string,
      publisher: string,
      year: number,
      isbn: string,
      ndc: string,
      mark: string,
      holdings: string,
    ): DemoRecord =>
      record(
        { title, titleKana: kana, author, publisher, year, isbn, classification: ndc, materialType: 'book' },
        items(`${label} ${mainClass(ndc)} ${mark}`, holdings),
      );

  return {
    /** A book; call number = NDC + ' ' + author mark, e.g. '913.6 ナ' (picture books: 'E ナ'). */
    book(
      title: string,
      kana: string,
      author: string,
      publisher: string,
      year: number,
      isbn: string,
      ndc: string,
      mark: string,
      holdings: string,
    ): DemoRecord {
      return record(
        { title, titleKana: kana, author, publisher, year, isbn, classification: ndc, materialType: 'book' },
        items(`${ndc} ${mark}`, holdings),
      );
    },
    /** Young-adult material; call number 'YA 913 ア' (R-SRCH-3). */
    ya: shelvedApart('YA'),
    /** A large-print edition (大活字本); call number '大活字 913 ア' (docs/demo-library.md). */
    largePrint: shelvedApart('大活字'),
    /** Kamishibai: classification 'C', call number 'P ア' (R-SRCH-2). */
    kamishibai(
      title: string,
      kana: string,
      author: string,
      publisher: string,
      year: number,
      isbn: string,
      mark: string,
      holdings: string,
    ): DemoRecord {
      return record(
        { title, titleKana: kana, author, publisher, year, isbn, classification: 'C', materialType: 'kamishibai' },
        items(`P ${mark}`, holdings),
      );
    },
    /** Audiovisual material; call number 'CD 767', 'DVD 778', 'V 778', 'CT 767'. */
    av(
      type: AvType,
      title: string,
      kana: string,
      author: string,
      publisher: string,
      year: number,
      ndc: string,
      holdings: string,
    ): DemoRecord {
      return record(
        { title, titleKana: kana, author, publisher, year, classification: ndc, materialType: type },
        items(`${AV_PREFIX[type]} ${mainClass(ndc)}`, holdings),
      );
    },
    /** One issue of a magazine: title '暮しの手帖 2026年10-11月号', call number 'Z 590'. */
    magazine(
      name: string,
      issue: string,
      kana: string,
      publisher: string,
      ndc: string,
      latest: boolean,
      holdings: string,
    ): DemoRecord {
      const year = Number(issue.slice(0, 4));
      return record(
        {
          title: `${name} ${issue}`,
          titleKana: kana,
          publisher,
          year,
          classification: ndc,
          materialType: 'magazine',
          latestIssue: latest,
        },
        items(`Z ${ndc}`, holdings),
      );
    },
    /** Reference book for use in the library only; call number 'R 031'. */
    reference(
      title: string,
      kana: string,
      author: string,
      publisher: string,
      year: number,
      isbn: string,
      ndc: string,
      holdings: string,
    ): DemoRecord {
      return record(
        { title, titleKana: kana, author, publisher, year, isbn, classification: ndc, materialType: 'book' },
        items(`R ${ndc}`, holdings, true),
      );
    },
  };
}

/** True when `isbn` is 13 digits with a correct ISBN-13 check digit. */
export const isValidIsbn13 = isIsbn13;

/**
 * The records of a data file (rows/*.json): one row per title, the builder's arguments in order,
 * so the catalog stays one line per title. The order of the rows fixes the barcodes.
 */
export function rowsOf<A extends unknown[]>(builder: (...args: A) => DemoRecord, rows: unknown): DemoRecord[] {
  return (rows as A[]).map((args) => builder(...args));
}
