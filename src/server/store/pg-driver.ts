import { createHash } from 'node:crypto';
import pg from 'pg';
import type { SqlDriver } from './driver';

const names = new Map<string, string>();
/**
 * A statement with parameters as a named prepared statement: node-postgres
 * parses it once per pooled connection and then only binds and executes it,
 * so PostgreSQL does not parse (and plan) the same text on every request.
 * The relay's statements are fixed texts (parameters are never spliced in),
 * so the names are a small fixed set. Without parameters (DDL, BEGIN, a
 * migration's several statements) it goes as it is.
 */
function statement(sql: string, params: unknown[] | undefined): pg.QueryConfig {
  if (!params?.length) return { text: sql };
  let name = names.get(sql);
  if (name === undefined) {
    name = `uc_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;
    names.set(sql, name);
  }
  return { name, text: sql, values: params };
}

function clientDriver(client: pg.PoolClient): SqlDriver {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const result = await client.query(statement(sql, params));
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
      const result = await pool.query(statement(sql, params));
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
