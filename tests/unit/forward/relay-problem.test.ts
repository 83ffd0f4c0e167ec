// One way to read a failed relay call: every answer the relay can give, no
// answer at all, and a failure on this device.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure, call } from '../../../src/client/services/api-client';
import { isGoneFromRelay, relayProblem } from '../../../src/client/services/relay-problem';
import { API_ERROR_STATUS, type ApiErrorCode } from '../../../src/shared/protocol/api-types';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }));
}

async function problemOfCall() {
  try {
    await call('GET', '/api/claimant/status', { token: 'c_x' });
  } catch (error) {
    return relayProblem(error);
  }
  throw new Error('the call did not fail');
}

afterEach(() => vi.unstubAllGlobals());

describe('relayProblem', () => {
  it('reads no signal as offline', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await problemOfCall()).toEqual({ kind: 'offline' });
  });

  it('reads each of the relay error codes', async () => {
    const expected: Record<ApiErrorCode, string> = {
      bad_request: 'invalid',
      unauthorized: 'revoked',
      forbidden: 'forbidden',
      not_found: 'not-found',
      method_not_allowed: 'server',
      conflict: 'server',
      connection_full: 'full',
      code_contested: 'contested',
      gone: 'gone',
      too_large: 'server',
      unsupported_media_type: 'server',
      too_many_requests: 'rate-limited',
      server_error: 'server',
    };
    for (const [code, kind] of Object.entries(expected) as [ApiErrorCode, string][]) {
      answer(API_ERROR_STATUS[code], { error: code, message: 'Words.' });
      expect((await problemOfCall()).kind, code).toBe(kind);
    }
  });

  it("keeps the relay's words for a request it refused, and the status of a server error", async () => {
    answer(400, { error: 'bad_request', message: 'label: Give the client a label.' });
    expect(await problemOfCall()).toEqual({ kind: 'invalid', message: 'label: Give the client a label.' });
    answer(503, null);
    expect(await problemOfCall()).toEqual({ kind: 'server', status: 503 });
  });

  it('says when to try again after too many tries, when the relay said', async () => {
    answer(429, { error: 'too_many_requests', message: 'Too many tries.' }, { 'Retry-After': '42' });
    expect(await problemOfCall()).toEqual({ kind: 'rate-limited', retryAfterSeconds: 42 });
    answer(429, { error: 'too_many_requests', message: 'Too many tries.' });
    expect(await problemOfCall()).toEqual({ kind: 'rate-limited', retryAfterSeconds: null });
    answer(429, { error: 'too_many_requests', message: 'Too many tries.' }, { 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' });
    expect(await problemOfCall()).toEqual({ kind: 'rate-limited', retryAfterSeconds: null });
  });

  it('reads anything that is not a relay answer as a failure on this device', () => {
    expect(relayProblem(new DOMException('Quota exceeded', 'QuotaExceededError'))).toEqual({ kind: 'local' });
    expect(relayProblem(new TypeError('Not a valid public key'))).toEqual({ kind: 'local' });
    expect(relayProblem(undefined)).toEqual({ kind: 'local' });
  });

  it('knows when the relay has forgotten a connection or subscription', () => {
    expect(isGoneFromRelay(relayProblem(new ApiFailure(401, 'unauthorized', '')))).toBe(true);
    expect(isGoneFromRelay(relayProblem(new ApiFailure(410, 'gone', '')))).toBe(true);
    for (const status of [0, 403, 404, 429, 500]) expect(isGoneFromRelay(relayProblem(new ApiFailure(status, 'server_error', ''))), String(status)).toBe(false);
  });
});
