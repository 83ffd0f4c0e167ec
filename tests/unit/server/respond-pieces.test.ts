// sendJsonWithPieces: the answer is the JSON of the body with one more string
// property, written from its pieces; the same as JSON.stringify would give.
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJsonWithPieces, sendJson } from '../../../src/server/api/respond';

async function answer(send: Parameters<typeof createServer>[1]): Promise<{ status: number; headers: Headers; text: string; bytes: number }> {
  const server: Server = createServer(send);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, text: body.toString('utf8'), bytes: body.length };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('sendJsonWithPieces', () => {
  const pieces = (lengths: number[]) => lengths.map((bytes) => randomBytes(bytes).toString('base64url'));

  for (const [name, body] of [
    ['an empty object', {}],
    ['an item', { id: 'a1', createdAt: '2026-12-04T10:00:00.000Z', seenAt: null, size: 5 }],
    ['words that are not ASCII, and quotes', { note: 'Diolch — “ok” \\ "quoted" ☃', n: 1 }],
  ] as const) {
    for (const lengths of [[], [1], [3, 3], [48 * 1024, 48 * 1024, 7]]) {
      it(`gives what JSON.stringify gives: ${name}, pieces of ${JSON.stringify(lengths)} bytes`, async () => {
        const text = pieces(lengths);
        const got = await answer((_req, res) => sendJsonWithPieces(res, 200, { ...body }, 'envelope', text));
        expect(got.status).toBe(200);
        expect(got.text).toBe(JSON.stringify({ ...body, envelope: text.join('') }));
        expect(got.headers.get('content-length')).toBe(String(got.bytes));
        expect(got.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(got.headers.get('cache-control')).toBe('no-store');
      });
    }
  }

  it('has the same headers as sendJson', async () => {
    const plain = await answer((_req, res) => sendJson(res, 200, { id: 'x', envelope: 'AAAA' }));
    const pieced = await answer((_req, res) => sendJsonWithPieces(res, 200, { id: 'x' }, 'envelope', ['AA', 'AA']));
    expect(pieced.text).toBe(plain.text);
    const names = (headers: Headers) => [...headers.keys()].filter((name) => name !== 'date').sort();
    expect(names(pieced.headers)).toEqual(names(plain.headers));
    for (const name of names(plain.headers)) expect(pieced.headers.get(name), name).toBe(plain.headers.get(name));
  });

  it('refuses a body that already has the property (a JSON object with the key twice)', async () => {
    const got = await answer((_req, res) => {
      try {
        sendJsonWithPieces(res, 200, { envelope: 'x' }, 'envelope', ['AA']);
      } catch (error) {
        sendJson(res, 500, { error: String(error) });
      }
    });
    expect(got.status).toBe(500);
    expect(JSON.parse(got.text).error).toContain('already has "envelope"');
  });
});
