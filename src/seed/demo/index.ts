/**
 * Demo library data, seeded when the database is empty (CONTRACT.md "Start").
 * The catalog records use the format of `POST /admin/catalog`.
 */
export { catalogByKind, demoCatalog } from './catalog.js';
export { DEMO_BRANCHES } from './helpers.js';
export { demoHolds, demoLoans } from './circulation.js';
export { demoPatrons } from './patrons.js';
export type { BranchCode, DemoHold, DemoItem, DemoLoan, DemoPatron, DemoRecord, MaterialType } from './types.js';
