// One validated config: every setting has a type, a default and an
// environment variable. Bad values stop the server with a clear message.
import { createECDH } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { endpointPolicy, type EndpointPolicy } from './push/endpoint-policy';

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
  /** VAPID subject for web push (PUSH_SUBJECT): `mailto:<address>` or an https: URL. Apple refuses localhost addresses. */
  pushSubject: string;
  /** VAPID keys from VAPID_PUBLIC_KEY + VAPID_PRIVATE_KEY (both or neither); null: made once and kept in the database. */
  vapidKeys: { publicKey: string; privateKey: string } | null;
  /** The push sender, in the server or on its own (push/scheduler-main.ts). */
  pushSender: PushSenderConfig;
  /** Bearer token for GET /metrics (METRICS_TOKEN, at least 32 characters); null: no /metrics. */
  metricsToken: string | null;
  /** On SIGTERM, how long requests in flight may take before their connections are cut (SHUTDOWN_GRACE_MS, default 10 s). */
  shutdownGraceMs: number;
  /** What one side may keep on one connection (CONNECTION_MAX_ITEMS, CONNECTION_MAX_MB). */
  quota: { maxItems: number; maxBytes: number };
  /** A computer's credential stops working after this many days unused (DEVICE_IDLE_DAYS). */
  deviceIdleDays: number;
  /** Proxies in front of the relay (TRUST_PROXY, default 0): how many X-Forwarded-For entries from the right to trust. */
  trustProxy: number;
  /**
   * The key for hashing invite and device codes, kept apart from the database:
   * CODE_HASH_SECRET itself, or a file (CODE_HASH_SECRET_FILE, default
   * code-hash.secret next to the data folder) made on first start.
   */
  codeSecret: { kind: 'value'; value: string } | { kind: 'file'; path: string };
}

/** A busy case for a year: a few items a day, most of them photos of about 250 KB (see the README). */
export const DEFAULT_QUOTA = { maxItems: 2000, maxBytes: 500 * 1024 * 1024 };
export const DEFAULT_DEVICE_IDLE_DAYS = 90;

export interface PushSenderConfig {
  /** Pause between polls when nothing more is due (PUSH_INTERVAL_MS, default 5 s). */
  intervalMs: number;
  /** Reminders claimed at a time (PUSH_BATCH, default 100). */
  batch: number;
  /** How long a claim holds its rows before another sender may take them (PUSH_LEASE_MS, default 2 min). */
  leaseMs: number;
  /** Pushes in flight at once (PUSH_CONCURRENCY, default 10). */
  concurrency: number;
  /** Per-send timeout (PUSH_TIMEOUT_MS); null: 15 s, or half the lease when that is shorter. */
  timeoutMs: number | null;
  /** Threads that encrypt payloads (PUSH_ENCRYPT_THREADS, 0 for none); null: one fewer than the cores, at most 2. */
  encryptThreads: number | null;
  /** A CA certificate to trust as well (PUSH_CA_FILE): a test push service. */
  caFile: string | null;
  /** The push services endpoints may name: the real ones and PUSH_ENDPOINT_HOSTS (comma-separated). */
  endpoints: EndpointPolicy;
}

export const DEFAULT_PUSH_SUBJECT = 'mailto:uc-companion@example.org';

export function readPushSubject(value: string | undefined): string {
  if (value === undefined || value === '') return DEFAULT_PUSH_SUBJECT;
  const text = value.trim();
  const bad = () => new Error(`PUSH_SUBJECT must be mailto:<address> or an https:// URL (not localhost), like mailto:admin@advice.example.org, not "${value}".`);
  if (text.startsWith('mailto:')) {
    if (!/^mailto:[^\s@<>"(),;:]+@([A-Za-z0-9-]+\.)+[A-Za-z0-9-]+$/.test(text)) throw bad();
    if (/@localhost$/i.test(text)) throw bad();
    return text;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad();
  }
  if (url.protocol !== 'https:' || url.hostname === 'localhost' || !url.hostname.includes('.') || url.username || url.password) throw bad();
  return text;
}

/** base64url with or without padding, decoded; null when not base64url. */
function base64urlBytes(text: string): Buffer | null {
  const bare = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]+$/.test(bare)) return null;
  const bytes = Buffer.from(bare, 'base64url');
  return bytes.toString('base64url') === bare ? bytes : null;
}

export function readVapidKeys(publicKey: string | undefined, privateKey: string | undefined): Config['vapidKeys'] {
  const pub = publicKey?.trim() ?? '';
  const priv = privateKey?.trim() ?? '';
  if (pub === '' && priv === '') return null;
  if (pub === '' || priv === '')
    throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (then the relay makes its own and keeps them in the database).');
  const pubBytes = base64urlBytes(pub);
  if (!pubBytes || pubBytes.length !== 65 || pubBytes[0] !== 0x04) {
    throw new Error('VAPID_PUBLIC_KEY must be the base64url of a 65-byte P-256 public key (as `npx web-push generate-vapid-keys` prints).');
  }
  const privBytes = base64urlBytes(priv);
  if (!privBytes || privBytes.length !== 32) {
    throw new Error('VAPID_PRIVATE_KEY must be the base64url of a 32-byte P-256 private key (as `npx web-push generate-vapid-keys` prints).');
  }
  let derived: Buffer | null;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(privBytes);
    derived = ecdh.getPublicKey();
  } catch {
    derived = null;
  }
  if (!derived || !derived.equals(pubBytes)) throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not one key pair.');
  return { publicKey: pubBytes.toString('base64url'), privateKey: privBytes.toString('base64url') };
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

function readWhole(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, not "${value}".`);
  }
  return number;
}

function readPushSender(env: NodeJS.ProcessEnv): PushSenderConfig {
  const leaseMs = readWhole('PUSH_LEASE_MS', env.PUSH_LEASE_MS, 120_000);
  const timeoutMs = env.PUSH_TIMEOUT_MS ? readWhole('PUSH_TIMEOUT_MS', env.PUSH_TIMEOUT_MS, 0) : null;
  // A send that may outlast its claim is never started: with such a timeout nothing would be sent.
  if (timeoutMs !== null && timeoutMs >= leaseMs) throw new Error(`PUSH_TIMEOUT_MS (${timeoutMs}) must be less than PUSH_LEASE_MS (${leaseMs}).`);
  return {
    intervalMs: readWhole('PUSH_INTERVAL_MS', env.PUSH_INTERVAL_MS, 5000),
    batch: readWhole('PUSH_BATCH', env.PUSH_BATCH, 100),
    leaseMs,
    concurrency: readWhole('PUSH_CONCURRENCY', env.PUSH_CONCURRENCY, 10),
    timeoutMs,
    encryptThreads: env.PUSH_ENCRYPT_THREADS ? readWhole('PUSH_ENCRYPT_THREADS', env.PUSH_ENCRYPT_THREADS, 0, 0) : null,
    caFile: env.PUSH_CA_FILE ? resolve(env.PUSH_CA_FILE) : null,
    endpoints: endpointPolicy((env.PUSH_ENDPOINT_HOSTS ?? '').split(',').filter((entry) => entry.trim() !== '')),
  };
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

function readMetricsToken(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const token = value.trim();
  if (token.length < 32 || !/^[\x21-\x7e]+$/.test(token)) {
    throw new Error('METRICS_TOKEN must be at least 32 printable characters without spaces (for example `openssl rand -hex 32`).');
  }
  return token;
}

function readTrustProxy(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const hops = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || hops > 10) {
    throw new Error(`TRUST_PROXY must be the number of proxies in front of the relay (0 to 10; 1 for one TLS proxy), not "${value}".`);
  }
  return hops;
}

function readCodeSecret(env: NodeJS.ProcessEnv, dataDir: string): Config['codeSecret'] {
  const value = env.CODE_HASH_SECRET;
  if (value !== undefined && value !== '') {
    if (value.length < 32) throw new Error('CODE_HASH_SECRET must be at least 32 characters (for example `openssl rand -base64 32`).');
    return { kind: 'value', value };
  }
  return { kind: 'file', path: resolve(env.CODE_HASH_SECRET_FILE || join(dirname(dataDir), 'code-hash.secret')) };
}

/**
 * PGLITE_MEMORY_TEMPLATE (for tests): a data folder dump that in-memory PGlite stores start from
 * (store/pglite-driver.ts). Read here with the rest of the environment; no store opened by the
 * relay's own config is in memory, so it is not part of Config.
 */
export function pgliteMemoryTemplatePath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.PGLITE_MEMORY_TEMPLATE || undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = readPort(env.PORT, 8080);
  const host = env.HOST || '127.0.0.1';
  const retentionSeenDays = readDays('RETENTION_SEEN_DAYS', env.RETENTION_SEEN_DAYS, 30);
  const retentionMaxDays = readDays('RETENTION_MAX_DAYS', env.RETENTION_MAX_DAYS, 90);
  if (retentionMaxDays < retentionSeenDays) {
    throw new Error(`RETENTION_MAX_DAYS (${retentionMaxDays}) must not be less than RETENTION_SEEN_DAYS (${retentionSeenDays}).`);
  }
  const dataDir = resolve(env.DATA_DIR || 'data');
  return {
    port,
    host,
    staticDir: resolve(env.STATIC_DIR || 'dist'),
    dataDir,
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    publicOrigin: readOrigin(env.PUBLIC_ORIGIN, `http://127.0.0.1:${port}`),
    retentionSeenDays,
    retentionMaxDays,
    pushSubject: readPushSubject(env.PUSH_SUBJECT),
    vapidKeys: readVapidKeys(env.VAPID_PUBLIC_KEY, env.VAPID_PRIVATE_KEY),
    pushSender: readPushSender(env),
    metricsToken: readMetricsToken(env.METRICS_TOKEN),
    shutdownGraceMs: readWhole('SHUTDOWN_GRACE_MS', env.SHUTDOWN_GRACE_MS, 10_000, 0),
    quota: {
      maxItems: readWhole('CONNECTION_MAX_ITEMS', env.CONNECTION_MAX_ITEMS, DEFAULT_QUOTA.maxItems),
      maxBytes: readWhole('CONNECTION_MAX_MB', env.CONNECTION_MAX_MB, DEFAULT_QUOTA.maxBytes / (1024 * 1024)) * 1024 * 1024,
    },
    deviceIdleDays: readDays('DEVICE_IDLE_DAYS', env.DEVICE_IDLE_DAYS, DEFAULT_DEVICE_IDLE_DAYS),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    codeSecret: readCodeSecret(env, dataDir),
  };
}
