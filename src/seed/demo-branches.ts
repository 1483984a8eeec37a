import type { DemoRecord } from './demo/index.js';
import { DEMO_BRANCHES } from './demo/index.js';

/**
 * The demo library was written for the Kamagaya model library's six branches. Under another
 * profile its copies go to the profile's branches by position (the first demo branch to the first
 * branch, and round again when the profile has fewer), and its holds to the profile's pickup
 * points the same way, so the demo works for any library and is Kamagaya's exactly under Kamagaya's.
 */
export function demoBranchMap(branches: readonly { code: string; pickupPoint: boolean }[]): {
  copyAt(code: string): string;
  pickupAt(code: string): string;
} {
  const pickups = branches.filter((b) => b.pickupPoint);
  const position = (code: string) => Math.max(0, DEMO_BRANCHES.indexOf(code as (typeof DEMO_BRANCHES)[number]));
  return {
    copyAt: (code) => branches[position(code) % branches.length]!.code,
    pickupAt: (code) => pickups[position(code) % pickups.length]!.code,
  };
}

/** The demo catalog with its copies at the profile's branches. */
export function demoRecordsAt(records: readonly DemoRecord[], copyAt: (code: string) => string): DemoRecord[] {
  return records.map((r) => ({ ...r, items: r.items.map((i) => ({ ...i, branch: copyAt(i.branch) as never })) }));
}
