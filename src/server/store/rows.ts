// Helpers for rows as the drivers return them (timestamptz → Date, counts as
// numbers or strings), shared by the store's aggregate modules.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: a malformed one is "not found", not a database error. */
export const isUuid = (id: string): boolean => UUID.test(id);

export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}

export const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

/** The first row of a statement that always returns one. */
export function one<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('expected one row');
  return row;
}
