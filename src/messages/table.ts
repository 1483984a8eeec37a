// The shape of a language's message table. Japanese is the reference: `Messages` is the type of
// the `ja` table with its literal strings widened to `string` (and fixed-length lists to lists),
// so another language must have every key and every function with the same parameters, but says
// things in its own words and may use a different number of lines.

import type { ja } from './ja/index.js';

/** A value's type with its literals widened: what another language's table must match. */
type Widen<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => Widen<R>
  : T extends string
    ? string
    : T extends number
      ? number
      : T extends boolean
        ? boolean
        : T extends readonly (infer U)[]
          ? readonly Widen<U>[]
          : T extends object
            ? { readonly [K in keyof T]: Widen<T[K]> }
            : T;

/** One language's patron-facing text. */
export type Messages = Widen<typeof ja>;
