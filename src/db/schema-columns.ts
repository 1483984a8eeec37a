import type { ColumnType } from 'kysely';

// Column types shared by the tables of schema.ts and its area files (schema-console.ts).
// int8 ids arrive as strings; `Timestamp` has a default, so it is optional on insert.
export type Id = ColumnType<string, never, never>;
export type RefId = ColumnType<string, string | number, string | number>;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type TimestampRequired = ColumnType<Date, Date | string, Date | string>;
