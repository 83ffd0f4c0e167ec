// A pseudo-locale: every English string about 40 % longer and full of
// accents, served in place of the English files, so long languages (and
// long words) are tried on every screen at 320 px before anyone translates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { SCREENS } from './screens';
import { horizontalOverflow } from './layout';

const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'ï', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', A: 'Å', E: 'É', I: 'Î', O: 'Ø', U: 'Ü', C: 'Ç', N: 'Ñ' };

/** "Explain a message" → "Éxplááïñ á méssáágéé": accents, and every word about 40 % longer. */
export function pseudo(text: string): string {
  return text
    .split(/(\{\{[^}]+\}\})/)
    .map((part) =>
      part.startsWith('{{')
        ? part
        : part.replace(/[A-Za-z]+/g, (word) => {
            const extra = Math.round(word.length * 0.4);
            const vowels = word.replace(/[^aeiouAEIOU]/g, '') || word;
            const longer =
              word +
              vowels
                .repeat(Math.ceil(extra / vowels.length))
                .slice(0, extra)
                .toLowerCase();
            return [...longer].map((ch) => ACCENTS[ch] ?? ch).join('');
          }),
    )
    .join('');
}

function pseudoJson(value: unknown): unknown {
  if (typeof value === 'string') return pseudo(value);
  if (Array.isArray(value)) return value.map(pseudoJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudoJson(v)]));
  return value;
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('pseudo-locale (40 % longer, accented)', () => {
  it('makes text longer and keeps placeholders', () => {
    const out = pseudo('{{count}} days left');
    expect(out.startsWith('{{count}} ')).toBe(true);
    expect(out.length).toBeGreaterThanOrEqual(Math.floor('{{count}} days left'.length * 1.25));
    expect(out).toMatch(/[áéïöü]/);
  });

  it('renders every screen at 320 px with nothing sticking out', async () => {
    const context = await harness.newContext({ serviceWorkers: 'block', viewport: { width: 320, height: 640 } });
    await context.route('**/assets/locales/en-*.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: pseudoJson(await response.json()) });
    });
    const page = await context.newPage();
    for (const screen of SCREENS) {
      await screen.open(page).catch((error: unknown) => {
        throw new Error(`${screen.name}: ${(error as Error).message}`);
      });
      await expect(horizontalOverflow(page), screen.name).resolves.toEqual([]);
    }
    await context.close();
  });
});
