/**
 * Types of the demo library data. The record format is exactly the one of
 * `POST /admin/catalog` in CONTRACT.md ("Staff API"); patrons, loans and holds are
 * what the seeder turns into `POST /admin/patrons`, initial passwords, checkouts and holds.
 */

export type MaterialType = 'book' | 'magazine' | 'kamishibai' | 'cd' | 'dvd' | 'video' | 'cassette';

export type BranchCode = 'honkan' | 'tobu' | 'seibu' | 'hokubu' | 'nanbu' | 'higashi-hatsutomi';

export interface DemoItem {
  barcode: string;
  branch: BranchCode;
  callNumber: string;
  inLibraryOnly?: boolean;
}

export interface DemoRecord {
  title: string;
  titleKana?: string;
  author?: string;
  publisher?: string;
  year?: number;
  isbn?: string;
  classification?: string;
  materialType: MaterialType;
  latestIssue?: boolean;
  items: DemoItem[];
}

export interface DemoPatron {
  cardNumber: string;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  residency: 'resident' | 'worker' | 'student' | 'none';
  disabilityService?: boolean;
  /** demo password; absent = no password issued yet */
  password?: string;
  email?: string;
  emailType?: 'pc' | 'mobile';
  /** which case of the rules this patron shows, in English, for the README */
  note: string;
}

export interface DemoLoan {
  cardNumber: string;
  itemBarcode: string;
  checkedOutDaysAgo: number;
  renewals?: 0 | 1;
}

export interface DemoHold {
  cardNumber: string;
  /** any barcode of the wanted title */
  itemBarcodeOfTitle: string;
  pickupBranch: BranchCode;
  channel: 'online' | 'counter' | 'phone';
  placedDaysAgo: number;
}
