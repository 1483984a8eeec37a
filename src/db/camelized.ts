/** `pickup_branch` → `pickupBranch`. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/**
 * The camelCase shape db/ hands to the services, each column typed as the schema reads it, so a
 * row type cannot drift from its table: `Camelized<Pick<Selectable<HoldsTable>, 'id' | 'pickup_branch'>>`
 * is `{ id: string; pickupBranch: string }`.
 */
export type Camelized<T> = { [K in keyof T & string as CamelCase<K>]: T[K] };

/**
 * A row as its Camelized type says, by the same rule (`_x` → `X`): one mapping for every row
 * type instead of each file writing out every column a third time (list, type, mapping).
 * A column that needs more than a new name (a flag made of two columns) is mapped where it is read.
 */
export function camelized<T extends object>(row: T): Camelized<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key.replace(/_(.)/g, (_, c: string) => c.toUpperCase())] = value;
  return out as Camelized<T>;
}
