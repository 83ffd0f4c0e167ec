// A stand-in push service: HTTPS on 127.0.0.1 with a throwaway self-signed
// certificate (openssl), recording every request. Answers 201 unless a hook
// says otherwise (404/410/429/500, Retry-After, a delay).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Agent, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY, endpointPolicy, type EndpointPolicy } from '../../src/server/push/endpoint-policy';

export interface PushRequest {
  /** Path of the endpoint, e.g. /push/abc. */
  path: string;
  topic: string | undefined;
  ttl: string | undefined;
  urgency: string | undefined;
  encoding: string | undefined;
  authorization: string | undefined;
  body: Buffer;
  at: number;
}

export interface PushAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

export interface PushService {
  /** https://127.0.0.1:port */
  origin: string;
  /** The certificate (PEM) to trust. */
  ca: Buffer;
  caFile: string;
  /** An https.Agent that trusts it. */
  agent: Agent;
  /** The real push services and this one (its 127.0.0.1:port), as PUSH_ENDPOINT_HOSTS would make it. */
  policy: EndpointPolicy;
  /** 127.0.0.1:port, for PUSH_ENDPOINT_HOSTS. */
  host: string;
  requests: PushRequest[];
  /** TLS connections accepted so far (keep-alive reuses one for many requests). */
  connections: number;
  /** Decides each answer (default 201 at once). May be replaced at any time. */
  answer: (request: PushRequest) => PushAnswer | undefined;
  /** Resolves when `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** `keepAliveTimeoutMs`: how long the service keeps an idle connection (Node's default 5 s), announced in `Keep-Alive: timeout=`. */
export async function startPushService(options: { keepAliveTimeoutMs?: number } = {}): Promise<PushService> {
  const dir = mkdtempSync(join(tmpdir(), 'uc-push-'));
  const keyFile = join(dir, 'key.pem');
  const caFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      caFile,
    ],
    { stdio: 'pipe' },
  );
  const key = readFileSync(keyFile);
  const ca = readFileSync(caFile);
  const waiters: { count: number; resolve: () => void }[] = [];

  const service: PushService = {
    origin: '',
    ca,
    caFile,
    agent: new Agent({ ca, keepAlive: true }),
    policy: DEFAULT_POLICY,
    host: '',
    requests: [],
    connections: 0,
    answer: () => undefined,
    waitFor(count, timeoutMs = 20_000) {
      if (service.requests.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`push service: ${service.requests.length} of ${count} requests after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        service.agent.destroy();
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };

  const server: Server = createServer({ key, cert: ca }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const request: PushRequest = {
        path: req.url ?? '',
        topic: header('topic'),
        ttl: header('ttl'),
        urgency: header('urgency'),
        encoding: header('content-encoding'),
        authorization: header('authorization'),
        body: Buffer.concat(chunks),
        at: Date.now(),
      };
      // Recorded on arrival: a real push service delivers it even if the sender never reads the answer.
      service.requests.push(request);
      for (const waiter of [...waiters]) {
        if (service.requests.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
      const answer = service.answer(request) ?? {};
      const reply = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status ?? 201, answer.headers ?? {});
        res.end();
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;
  server.on('secureConnection', () => service.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  service.origin = `https://${service.host}`;
  service.policy = endpointPolicy([service.host]);
  return service;
}
