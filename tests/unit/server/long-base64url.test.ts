// Bodies with an envelope are parsed without making the envelope a string
// (long-base64url.ts). What comes back must be what JSON.parse gives, with
// each long canonical envelope as a LongBase64url of the same characters; a body
// JSON.parse refuses must still be refused; and a LongBase64url's bytes must
// be exactly what the string check and Buffer give for the same text.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCanonical, LongBase64url, parseJsonKeepingLongText } from '../../../src/server/api/long-base64url';
import { envelopeBytes, envelopeSchema, isCanonicalBase64url, sendItemRequestSchema } from '../../../src/server/api/schemas';
import { MAX_ENVELOPE_CHARS } from '../../../src/shared/protocol/api-types';

/** What JSON.parse would have given: every LongBase64url back to its string. */
function asStrings(value: unknown): unknown {
  if (value instanceof LongBase64url) return value.toString();
  if (Array.isArray(value)) return value.map(asStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asStrings(v)]));
  return value;
}

/** Every LongBase64url, with the key it was found under. */
function longValues(value: unknown, key = ''): Array<[string, LongBase64url]> {
  if (value instanceof LongBase64url) return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => longValues(item));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => longValues(v, k));
  return [];
}

const MIN = 40; // a small threshold, so the properties meet long strings often

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Strings around the threshold: plain, or with what must keep them strings (escapes, quotes, non-ASCII).
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: MIN - 2, maxLength: MIN + 60 }),
  fc.string({ unit: fc.constantFrom(...alphabet, '"', '\\', '\n', 'é', '€', '\u0000', ' ', ':', '{'), minLength: MIN - 2, maxLength: MIN + 30 }),
  fc.string({ maxLength: 8 }),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.constant('envelope'), fc.constant('envelope'), text), tie('value'), { maxKeys: 4 }),
})).value;

describe('parseJsonKeepingLongText', () => {
  it('gives what JSON.parse gives, with exactly the long canonical envelopes kept as bytes', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(0, 2), (value, indent) => {
        const body = Buffer.from(JSON.stringify(value, null, indent));
        const parsed = parseJsonKeepingLongText(body, MIN);
        expect(asStrings(parsed)).toEqual(JSON.parse(body.toString('utf8')));
        for (const [key, long] of longValues(parsed)) {
          expect(key).toBe('envelope');
          expect(isCanonicalBase64url(long.toString()) && long.length >= MIN).toBe(true);
          expect(long.bytes).toEqual(Buffer.from(long.toString(), 'base64url'));
        }
        // And every long canonical envelope was kept.
        const strings = JSON.stringify(parsed, (k, v: unknown) =>
          k === 'envelope' && typeof v === 'string' && v.length >= MIN && isCanonicalBase64url(v) ? 'MISSED' : v,
        );
        expect(strings).not.toContain('MISSED');
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps only envelopes: other keys, escaped, non-ASCII and non-canonical strings stay strings', () => {
    const long = 'A'.repeat(100);
    const body = {
      [long]: long,
      envelope: long,
      b: { envelope: `${long}"` },
      c: [{ envelope: `${long}é` }, { 'envelope ': long }],
      d: [{ envelope: long }],
      e: `${long}B`,
    };
    const parsed = parseJsonKeepingLongText(Buffer.from(JSON.stringify(body)), MIN) as typeof body;
    expect(Object.keys(parsed)).toEqual(Object.keys(body));
    expect(parsed[long]).toBe(long);
    expect(parsed.envelope).toBeInstanceOf(LongBase64url);
    expect(parsed.b.envelope).toBe(`${long}"`);
    expect(parsed.c).toEqual([{ envelope: `${long}é` }, { 'envelope ': long }]);
    expect(parsed.d[0]!.envelope).toBeInstanceOf(LongBase64url);
    expect(parsed.e).toBe(`${long}B`); // 101 characters: not canonical, and not an envelope
    // White space around the colon is still the same key.
    const spaced = parseJsonKeepingLongText(Buffer.from(`{ "envelope" \n:\t "${long}" }`), MIN) as { envelope: unknown };
    expect(spaced.envelope).toBeInstanceOf(LongBase64url);
  });

  it('takes any nesting JSON.parse takes, and a body full of quotes, as JSON.parse does', () => {
    const envelope = 'A'.repeat(100);
    // (JSON.parse's reviver recursed, and overflowed the stack on this.)
    const deep = parseJsonKeepingLongText(Buffer.from(`{"envelope":"${envelope}","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`), MIN) as {
      envelope: unknown;
      x: unknown;
    };
    expect(deep.envelope).toBeInstanceOf(LongBase64url);
    let depth = 0;
    for (let node = deep.x; Array.isArray(node); node = node[0] as unknown) depth++;
    expect(depth).toBe(20_000);
    const deepObject = `${'{"a":'.repeat(1_000)}{"envelope":"${envelope}"}${'}'.repeat(1_000)}`;
    const kept = parseJsonKeepingLongText(Buffer.from(deepObject), MIN);
    expect(asStrings(kept)).toEqual(JSON.parse(deepObject));
    expect(longValues(kept)).toHaveLength(1);
    // Past 8,192 quotes the body is parsed as it is (the envelope then a string).
    const quotes = JSON.stringify({ envelope, list: Array.from({ length: 5_000 }, () => '') });
    expect(parseJsonKeepingLongText(Buffer.from(quotes), MIN)).toEqual(JSON.parse(quotes));
  });

  it('refuses whatever JSON.parse refuses', () => {
    const valid = JSON.stringify({ id: 'x', envelope: 'A'.repeat(200), more: ['B'.repeat(100), 1] });
    const mutated = fc.tuple(fc.nat(valid.length - 1), fc.constantFrom('', '"', '\\', ',', '}', ':', 'x', '\n'), fc.nat(2));
    fc.assert(
      fc.property(mutated, ([at, insert, cut]) => {
        const body = valid.slice(0, at) + insert + valid.slice(at + cut);
        let expected: unknown;
        try {
          expected = JSON.parse(body);
        } catch {
          expect(() => parseJsonKeepingLongText(Buffer.from(body), MIN)).toThrow(SyntaxError);
          return;
        }
        expect(asStrings(parseJsonKeepingLongText(Buffer.from(body), MIN))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('cannot be fooled by a string that looks like its stand-in', () => {
    const body = Buffer.from(JSON.stringify({ envelope: 'A'.repeat(100), b: { envelope: 'long:00000000-0000-4000-8000-000000000000:0' } }));
    const parsed = parseJsonKeepingLongText(body, MIN) as { envelope: unknown; b: { envelope: unknown } };
    expect(parsed.envelope).toBeInstanceOf(LongBase64url);
    expect(parsed.b.envelope).toBe('long:00000000-0000-4000-8000-000000000000:0');
  });
});

describe('decodeCanonical and the envelope schema', () => {
  const decode = (text: string) => decodeCanonical(Buffer.from(text, 'latin1'));
  const long = (text: string) => new LongBase64url(decode(text)!, text.length);

  it('decodes to the bytes Buffer gives, and only canonical unpadded base64url (as isCanonicalBase64url)', () => {
    // Across the 64 KB pieces it is decoded in, one wrong character anywhere.
    for (const size of [1, 2, 3, 48 * 1024 - 1, 48 * 1024, 48 * 1024 + 1, 100 * 1024, 300 * 1024 + 2]) {
      const bytes = randomBytes(size);
      const text = bytes.toString('base64url');
      expect(decode(text)!.equals(bytes)).toBe(true);
      for (const at of [0, 1, 65535, 65536, 65537, text.length - 2, text.length - 1].filter((i) => i >= 0 && i < text.length)) {
        for (const bad of ['=', '+', '/', ' ', '.', '\n']) {
          const broken = text.slice(0, at) + bad + text.slice(at + 1);
          expect(decode(broken), `${bad} at ${at} of ${text.length}`).toBe(null);
          expect(isCanonicalBase64url(broken)).toBe(false);
        }
      }
      expect(decode(`${text}A`) === null).toBe(!isCanonicalBase64url(`${text}A`));
    }
  });

  it('agrees with isCanonicalBase64url on every last character of every length', () => {
    const body = 'QUJD'.repeat(16_400); // past the first 64 KB piece
    for (const tail of ['', 'A', 'AB', 'ABC']) {
      for (const last of alphabet) {
        const text = body + tail + last;
        expect(decode(text) !== null, text.slice(-5)).toBe(isCanonicalBase64url(text));
        if (isCanonicalBase64url(text)) expect(decode(text)!.equals(Buffer.from(text, 'base64url'))).toBe(true);
      }
    }
  });

  it('a long envelope is checked by the envelope schema as the same text would be', () => {
    const envelope = randomBytes(100_000).toString('base64url');
    const request = { id: '6f1c2a5e-8a4b-4c1e-9f00-123456789abc', envelope };
    const parsed = sendItemRequestSchema.parse(parseJsonKeepingLongText(Buffer.from(JSON.stringify(request))));
    expect(parsed.envelope).toBeInstanceOf(LongBase64url);
    expect(envelopeBytes(parsed.envelope)).toEqual(Buffer.from(envelope, 'base64url'));
    expect(envelopeBytes(envelope)).toEqual(Buffer.from(envelope, 'base64url'));

    // A long string that is not canonical base64url stays a string, so the schema gives its usual answer.
    const message = (value: unknown) => envelopeSchema.safeParse(value).error?.issues[0]?.message;
    for (const text of [`${envelope.slice(0, -1)}+`, `${envelope}=`, 'A'.repeat(100_001), `${envelope.slice(0, 5000)} ${envelope.slice(5001)}`]) {
      const body = parseJsonKeepingLongText(Buffer.from(JSON.stringify({ envelope: text }))) as { envelope: unknown };
      expect(body.envelope).toBe(text);
      expect(message(body.envelope)).toBe('The message must be base64url text.');
    }
    const tooBig = 'A'.repeat(MAX_ENVELOPE_CHARS + 4);
    expect(message(long(tooBig))).toBe('The message is too big.');
    expect(message(tooBig)).toBe('The message is too big.');
  });

  it('a send is answered as JSON.parse would have it answered, whatever is long or missing', () => {
    const id = '6f1c2a5e-8a4b-4c1e-9f00-123456789abc';
    const long = randomBytes(30_000).toString('base64url');
    const key = randomBytes(65).toString('base64url');
    const requests = [
      { id, envelope: long },
      { id },
      { id, envelope: 5 },
      { id: long, envelope: long },
      { id, envelope: long, hints: [{ key, hint: long }] },
      { id, envelope: { envelope: long } },
      { id, envelope: [long] },
    ];
    const answer = (value: unknown) => {
      const result = sendItemRequestSchema.safeParse(value);
      return result.success
        ? { ok: true, envelope: String(result.data.envelope) }
        : { ok: false, issue: [result.error.issues[0]?.path, result.error.issues[0]?.message] };
    };
    for (const request of requests) {
      const body = Buffer.from(JSON.stringify(request));
      expect(answer(parseJsonKeepingLongText(body)), JSON.stringify(request).slice(0, 80)).toEqual(answer(JSON.parse(body.toString('utf8'))));
    }
  });
});
