// The least a SQL engine must offer the store: parameterised queries and
// transactions. Both PGlite and node-postgres fit behind it.
import type { EnvelopeStore } from './envelope-files';

export interface SqlDriver {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<R>(fn: (tx: SqlDriver) => Promise<R>): Promise<R>;
  close(): Promise<void>;
  /** Where item envelopes go instead of the items table (PGlite: see envelope-files.ts); absent: in the table. */
  envelopes?: EnvelopeStore;
}
