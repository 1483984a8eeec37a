/** `pickup_branch` → `pickupBranch`. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/**
 * The camelCase shape db/ hands to the services, each column typed as the schema reads it, so a
 * row type cannot drift from its table: `Camelized<Pick<Selectable<HoldsTable>, 'id' | 'pickup_branch'>>`
 * is `{ id: string; pickupBranch: string }`. The mapping itself stays written out in each file.
 */
export type Camelized<T> = { [K in keyof T & string as CamelCase<K>]: T[K] };
