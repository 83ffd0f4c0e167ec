// Shared helpers for the relay API tests: a real http.Server on 127.0.0.1:0
// around createApiHandler, and shortcuts to enrol, invite and connect.
import { generateKeyPairSync, randomUUID, randomBytes, webcrypto } from 'node:crypto';
import type { Server } from 'node:http';
import webpush from 'web-push';
import { createApiHandler } from '../../src/server/api/handler';
import type { PushOptions } from '../../src/server/api/context';
import type { LogEntry } from '../../src/server/api/log';
import { hashSecret, newToken } from '../../src/server/api/auth';
import type { RateLimits } from '../../src/server/api/rate-limit';
import { createAppServer, listen } from '../../src/server/server';
import type { Store } from '../../src/server/store/store';
import type { Config } from '../../src/server/config';

export const UNLIMITED: Partial<RateLimits> = {
  invitePerIp: { limit: 1e9, windowMs: 60_000 },
  invitePerPrefix: { limit: 1e9, windowMs: 60_000 },
  enrolPerIp: { limit: 1e9, windowMs: 60_000 },
  sendsPerConnection: { limit: 1e9, windowMs: 60_000 },
  anyPerIp: { limit: 1e9, windowMs: 60_000 },
  anyPerCredential: { limit: 1e9, windowMs: 60_000 },
  badCredentialPerIp: { limit: 1e9, windowMs: 60_000 },
  pushPerSubscriber: { limit: 1e9, windowMs: 60_000 },
};

export function publicKey(): string {
  const { publicKey: key } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return key.export({ format: 'der', type: 'spki' }).subarray(-65).toString('base64url');
}

/** An adviser's ECDSA P-256 signing key pair (private key non-extractable, as in the app). */
export interface Signer {
  signingKey: string;
  privateKey: webcrypto.CryptoKey;
}

export async function newSigner(): Promise<Signer> {
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const raw = await webcrypto.subtle.exportKey('raw', pair.publicKey);
  return { signingKey: Buffer.from(raw).toString('base64url'), privateKey: pair.privateKey };
}

/** The contract's signature of a device key: ECDSA P-256 SHA-256, P1363, base64url. */
export async function signDeviceKey(signer: Signer, devicePublicKey: string): Promise<string> {
  const message = new TextEncoder().encode(`uc-companion device key v1\n${devicePublicKey}`);
  const signature = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.privateKey, message);
  return Buffer.from(signature).toString('base64url');
}

/** A fresh signing key and a first device key signed by it: an EnrolRequest without the token. */
export async function enrolBody(token: string) {
  const signer = await newSigner();
  const key = publicKey();
  return { signer, publicKey: key, body: { token, signingKey: signer.signingKey, device: { publicKey: key, signature: await signDeviceKey(signer, key) } } };
}

export function envelope(bytes = 64): string {
  return randomBytes(bytes).toString('base64url');
}

export interface Relay {
  base: string;
  server: Server;
  logs: LogEntry[];
  clock: { ms: number };
  close(): Promise<void>;
}

/** One VAPID key pair for every test relay. */
export const TEST_VAPID = webpush.generateVAPIDKeys();

export async function startRelay(
  store: Store,
  rateLimits: Partial<RateLimits> = UNLIMITED,
  /** null: a relay without push. */
  push: PushOptions | null = { publicKey: TEST_VAPID.publicKey },
  /** Proxies in front (TRUST_PROXY), the code key (shared by relays on one database), the public origin (HSTS), quotas and computer expiry. */
  extra: { trustProxy?: number; codeSecret?: Buffer; publicOrigin?: string } & Partial<Pick<Config, 'quota' | 'deviceIdleDays'>> = {},
): Promise<Relay> {
  const logs: LogEntry[] = [];
  const clock = { ms: Date.now() };
  const api = createApiHandler({
    store,
    config: {
      publicOrigin: extra.publicOrigin ?? 'http://127.0.0.1',
      trustProxy: extra.trustProxy ?? 0,
      ...(extra.quota ? { quota: extra.quota } : {}),
      ...(extra.deviceIdleDays ? { deviceIdleDays: extra.deviceIdleDays } : {}),
    },
    ...(extra.codeSecret ? { codeSecret: extra.codeSecret } : {}),
    now: () => new Date(clock.ms),
    rateLimits,
    ...(push ? { push } : {}),
    log: (entry) => logs.push(entry),
  });
  const server = createAppServer({ staticDir: '/nonexistent', publicOrigin: extra.publicOrigin ?? 'http://127.0.0.1' }, new Map(), api);
  const base = await listen(server, 0, '127.0.0.1');
  return {
    base,
    server,
    logs,
    clock,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function call(
  relay: Relay,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  const response = await fetch(relay.base + path, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export async function addAdviser(store: Store, clockMs: number, name = 'Sam Jones', org = 'Cardiff Advice') {
  const token = newToken('e_');
  await store.createAdviser({
    name,
    org,
    enrolTokenHash: hashSecret(token),
    enrolExpiresAt: new Date(clockMs + 7 * 86_400_000).toISOString(),
  });
  return token;
}

export async function enrolled(relay: Relay, store: Store, name = 'Sam Jones') {
  const token = await addAdviser(store, relay.clock.ms, name);
  const { signer, publicKey: key, body } = await enrolBody(token);
  const res = await call(relay, 'POST', '/api/adviser/enrol', { body });
  if (res.status !== 201) throw new Error(`enrol failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    deviceToken: res.body.deviceToken as string,
    adviserId: res.body.adviserId as string,
    /** The first device's HPKE public key. */
    publicKey: key,
    signingKey: signer.signingKey,
    signature: body.device.signature,
    signer,
  };
}

export type Enrolled = Awaited<ReturnType<typeof enrolled>>;

/** Steps 1–2 of adding a computer: a device code from the first, a request from the new one. */
export async function requestDevice(relay: Relay, adviser: Enrolled) {
  const codeRes = await call(relay, 'POST', '/api/adviser/device-codes', { token: adviser.deviceToken });
  if (codeRes.status !== 201) throw new Error(`device code failed: ${codeRes.status}`);
  const key = publicKey();
  const res = await call(relay, 'POST', '/api/device-requests', { body: { code: codeRes.body.code, publicKey: key } });
  if (res.status !== 201) throw new Error(`device request failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { code: codeRes.body.code as string, publicKey: key, requestId: res.body.requestId as string, pollToken: res.body.pollToken as string };
}

/** Steps 1–4: a second computer, approved and claimed; returns its device token. */
export async function addDevice(relay: Relay, adviser: Enrolled) {
  const request = await requestDevice(relay, adviser);
  const signature = await signDeviceKey(adviser.signer, request.publicKey);
  const approve = await call(relay, 'POST', `/api/adviser/device-requests/${request.requestId}/approve`, { token: adviser.deviceToken, body: { signature } });
  if (approve.status !== 200) throw new Error(`approve failed: ${approve.status} ${JSON.stringify(approve.body)}`);
  const claim = await call(relay, 'POST', `/api/device-requests/${request.requestId}/claim`, { body: { pollToken: request.pollToken } });
  if (claim.status !== 200) throw new Error(`claim failed: ${claim.status} ${JSON.stringify(claim.body)}`);
  return { ...request, signature, deviceToken: claim.body.deviceToken as string };
}

/** A stand-in for a label sealed by the adviser's app: opaque base64url to the relay (the real one is an envelope). */
export function sealedLabel(label: string): string {
  return Buffer.from(`sealed:${label}`, 'utf8').toString('base64url');
}

export async function invite(relay: Relay, deviceToken: string, label = 'J.S. housing'): Promise<string> {
  const res = await call(relay, 'POST', '/api/adviser/invites', { token: deviceToken, body: { sealedLabel: sealedLabel(label) } });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status}`);
  return res.body.code as string;
}

export async function connected(relay: Relay, store: Store, name = 'Sam Jones') {
  const adviser = await enrolled(relay, store, name);
  const code = await invite(relay, adviser.deviceToken);
  const res = await call(relay, 'POST', '/api/connections', { body: { code, claimantPublicKey: publicKey() } });
  if (res.status !== 201) throw new Error(`connect failed: ${res.status}`);
  return { adviser, connectionId: res.body.connectionId as string, claimantToken: res.body.claimantToken as string };
}

export const uuid = randomUUID;
