import pg from 'pg';
import type { SqlDriver } from './driver';

function clientDriver(client: pg.PoolClient): SqlDriver {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
    // Nested transaction: reuse the outer one.
    transaction<R>(fn: (tx: SqlDriver) => Promise<R>): Promise<R> {
      return fn(clientDriver(client));
    },
    async close(): Promise<void> {
      throw new Error('close() inside a transaction');
    },
  };
}

/** PostgreSQL over a pool of at most 10 connections. */
export async function openPostgres(url: string): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Idle clients can fail (server restart); without a listener that crashes the process.
  pool.on('error', () => {});
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const result = await pool.query(sql, params);
      return result.rows as T[];
    },
    async transaction<R>(fn: (tx: SqlDriver) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(clientDriver(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        // A client whose ROLLBACK failed is in an unknown state: destroy it.
        client.release(broken);
      }
    },
    close(): Promise<void> {
      return pool.end();
    },
  };
}
