// The whole cleaning step on one generated phone photo of a letter (made in
// memory: a 12 MP JPEG with EXIF rotation, a hand's shadow and side light).
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanPhoto, pageHeight } from '../../../src/worker/page/clean-page';
import { LETTERS } from '../../support/letter-photos/letters';
import { renderLetter } from '../../support/letter-photos/render';
import { FRAME_WIDTH, makePhoto, pageCorners, type PhotoParams } from '../../support/letter-photos/photo';
import { SHOTS } from '../../support/letter-photos/generate';
import { decodePhoto } from '../../support/page-tools';
import type { Quad } from '../../../src/worker/page/types';

let jpeg: Buffer;
let params: PhotoParams;

beforeAll(async () => {
  params = { ...SHOTS.overpayment!, seed: 42 };
  jpeg = await makePhoto(await renderLetter(LETTERS.find((l) => l.id === 'overpayment')!), params);
}, 120_000);

describe('cleanPhoto', () => {
  it('finds the page where it is, straightens it to A4, and leaves black writing on white', async () => {
    // Decoded small (2 MP) to keep the test quick; the worker uses up to 8 MP.
    const photo = await decodePhoto(jpeg, 2_000_000);
    expect(photo.width).toBeLessThan(photo.height); // EXIF orientation 3 was applied: still portrait
    const page = cleanPhoto(photo.data, photo.width, photo.height, { pageWidth: 1000 });
    expect(page).not.toBeNull();
    const scale = photo.width / FRAME_WIDTH;
    pageCorners(params).forEach((corner, i) => {
      const found = page!.quad[i]!;
      expect(Math.hypot(found.x - corner.x * scale, found.y - corner.y * scale)).toBeLessThan(0.01 * photo.width);
    });
    expect([page!.width, page!.height]).toEqual([1000, Math.round(1000 * Math.SQRT2)]);
    const share = page!.ink.reduce((a, b) => a + b, 0) / page!.ink.length;
    // A letter's ink: a few per cent of the page. (A shadow or the table would be far more.)
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.12);
    // The margins are clean paper.
    const row = (y: number) => page!.ink.subarray(y * 1000, (y + 1) * 1000).reduce((a, b) => a + b, 0);
    expect(row(20) + row(page!.height - 20)).toBe(0);
  }, 60_000);

  it('reports its progress up to 1', async () => {
    const photo = await decodePhoto(jpeg, 1_000_000);
    const seen: number[] = [];
    cleanPhoto(photo.data, photo.width, photo.height, { pageWidth: 600, onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  }, 60_000);
});

describe('pageHeight', () => {
  const quad = (w: number, h: number): Quad => [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: h },
    { x: 0, y: h },
  ];
  it('snaps to A4 when close, and keeps other shapes', () => {
    expect(pageHeight(quad(100, 135), 1000)).toBe(1414);
    expect(pageHeight(quad(100, 100), 1000)).toBe(1000);
    expect(pageHeight(quad(141, 100), 1000)).toBe(707);
  });
});
