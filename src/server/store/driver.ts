// The least a SQL engine must offer the store: parameterised queries and
// transactions. Both PGlite and node-postgres fit behind it.
export interface SqlDriver {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<R>(fn: (tx: SqlDriver) => Promise<R>): Promise<R>;
  close(): Promise<void>;
  /**
   * After deletes: gives the space of deleted rows back and overwrites what
   * they held, table files and write-ahead log alike (the embedded store).
   * Absent on PostgreSQL, whose own autovacuum reclaims the space.
   */
  reclaim?(): Promise<void>;
  /**
   * True when no other process can use this database while it is open
   * (PGlite: its data folder is locked, or it lives in memory). Never set
   * for PostgreSQL, which several relay processes may share.
   */
  readonly exclusive?: boolean;
}
