// One validated config: every setting has a type, a default and an
// environment variable. Bad values stop the server with a clear message.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  staticDir: string;
  /** PGlite's files (DATA_DIR, default ./data); unused when databaseUrl is set. */
  dataDir: string;
  /** PostgreSQL instead of PGlite (DATABASE_URL), or null. */
  databaseUrl: string | null;
  /** Where people reach the app (PUBLIC_ORIGIN), for enrolment links. */
  publicOrigin: string;
  /** Delete items this many days after they were seen (RETENTION_SEEN_DAYS). */
  retentionSeenDays: number;
  /** Delete any item this many days after it was sent (RETENTION_MAX_DAYS). */
  retentionMaxDays: number;
}

function readPort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

function readDays(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(days) || days < 1 || days > 3650) {
    throw new Error(`${name} must be a whole number of days from 1 to 3650, not "${value}".`);
  }
  return days;
}

function readOrigin(value: string | undefined, fallback: string): string {
  if (value === undefined || value === '') return fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_ORIGIN must be an origin like https://relay.example.org, not "${value}".`);
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !value.endsWith('/');
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare) {
    throw new Error(`PUBLIC_ORIGIN must be an http(s) origin with no path, like https://relay.example.org, not "${value}".`);
  }
  return url.origin;
}

function readDatabaseUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('DATABASE_URL must be a postgres:// URL.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error('DATABASE_URL must be a postgres:// URL.');
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = readPort(env.PORT, 8080);
  const host = env.HOST || '127.0.0.1';
  const retentionSeenDays = readDays('RETENTION_SEEN_DAYS', env.RETENTION_SEEN_DAYS, 30);
  const retentionMaxDays = readDays('RETENTION_MAX_DAYS', env.RETENTION_MAX_DAYS, 90);
  if (retentionMaxDays < retentionSeenDays) {
    throw new Error(`RETENTION_MAX_DAYS (${retentionMaxDays}) must not be less than RETENTION_SEEN_DAYS (${retentionSeenDays}).`);
  }
  return {
    port,
    host,
    staticDir: resolve(env.STATIC_DIR || 'dist'),
    dataDir: resolve(env.DATA_DIR || 'data'),
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    publicOrigin: readOrigin(env.PUBLIC_ORIGIN, `http://127.0.0.1:${port}`),
    retentionSeenDays,
    retentionMaxDays,
  };
}
