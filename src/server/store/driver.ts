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
  /**
   * Like query, for a statement that stands alone (it commits by itself and
   * fails alone): statements arriving while others run may be committed
   * together in one transaction (group commit: one WAL flush, on disk one
   * fsync, for the group), each resolving only after that commit. A group
   * that fails is run again one statement at a time, so each gets its own
   * result or error. Absent: use query.
   */
  queryGrouped?<T>(sql: string, params?: unknown[]): Promise<T[]>;
}
