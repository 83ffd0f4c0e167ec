import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { inflateSync } from 'node:zlib';
import { warpPerspective } from '../../../src/worker/page/warp';
import { homography } from '../../../src/worker/page/homography';
import { flattenLight } from '../../../src/worker/page/flatten-light';
import { sauvola, smooth } from '../../../src/worker/page/threshold';
import { despeckle } from '../../../src/worker/page/despeckle';
import { encodeInkPng, packRows } from '../../../src/worker/page/png';
import { boxBlur, greyFromRgba, shrinkGrey, whitenessMap } from '../../../src/worker/page/resample';
import { nodeDeflate } from '../../support/page-tools';
import { image, noise } from './synthetic';
import type { InkImage } from '../../../src/worker/page/types';

/** Dark strokes like lines of text: 3 px tall bars with gaps, on paper. */
const isStroke = (x: number, y: number) => Math.floor(y) % 24 >= 10 && Math.floor(y) % 24 < 13 && Math.floor(x) % 30 > 4 && x > 20 && x < 380;

describe('resampling', () => {
  it('turns RGBA into grey (transparent becomes white) and a whiteness map (the darkest channel)', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0, 200, 200, 200, 255, 250, 240, 60, 255]);
    expect([...greyFromRgba(rgba, 4, 1).data]).toEqual([76, 255, 200, 222]);
    const map = whitenessMap(new Uint8Array([250, 240, 60, 255, 230, 230, 230, 255, 250, 240, 60, 255, 230, 230, 230, 255]), 2, 2, 1);
    expect(map).toEqual({ width: 1, height: 1, data: new Uint8Array([145]) });
  });

  it('shrinks by block averages and blurs without moving the mean', () => {
    const img = image(8, 8, (x) => (x < 4 ? 0 : 200));
    expect([...shrinkGrey(img, 4).data]).toEqual([0, 200, 0, 200]);
    const blurred = boxBlur(img, 1);
    expect(blurred.data[3]).toBe(67);
    expect(blurred.data[0]).toBe(0);
  });
});

describe('warpPerspective', () => {
  it('is the identity with the identity matrix, and shifts with a translation', () => {
    const src = image(20, 10, (x, y) => (x * 7 + y * 13) % 256);
    const same = warpPerspective(src, [1, 0, 0, 0, 1, 0, 0, 0, 1], 20, 10);
    expect([...same.data]).toEqual([...src.data]);
    const shifted = warpPerspective(
      src,
      homography(
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
          { x: 1, y: 1 },
          { x: 0, y: 1 },
        ],
        [
          { x: 3, y: 2 },
          { x: 4, y: 2 },
          { x: 4, y: 3 },
          { x: 3, y: 3 },
        ],
      )!,
      10,
      5,
    );
    expect(shifted.data[0]).toBe(src.data[2 * 20 + 3]);
    // Outside the source becomes white paper.
    expect(warpPerspective(src, [1, 0, 100, 0, 1, 0, 0, 0, 1], 4, 4).data[0]).toBe(255);
  });
});

describe('flattenLight', () => {
  it('makes paper white under side light and a shadow, and keeps the writing dark', () => {
    const rand = noise(3);
    const lit = image(400, 300, (x, y) => {
      let light = 1 - 0.5 * (x / 400);
      // A hand's shadow: soft-edged, as real ones are.
      const d = Math.hypot(x - 320, y - 250);
      light *= d < 60 ? 0.6 : d > 120 ? 1 : 0.6 + (0.4 * (d - 60)) / 60;
      return (isStroke(x, y) ? 40 : 230) * light + 3 * rand();
    });
    const even = flattenLight(lit);
    const paper: number[] = [];
    const ink: number[] = [];
    for (let y = 0; y < 300; y++) for (let x = 0; x < 400; x++) (isStroke(x + 0.5, y + 0.5) ? ink : paper).push(even.data[y * 400 + x]!);
    paper.sort((a, b) => a - b);
    ink.sort((a, b) => a - b);
    // Nearly all the paper reads as white, nearly all the writing as dark.
    expect(paper[Math.floor(paper.length * 0.02)]).toBeGreaterThan(215);
    expect(ink[Math.floor(ink.length * 0.98)]).toBeLessThan(110);
  });
});

describe('sauvola', () => {
  it('marks the strokes as ink and noisy paper as paper', () => {
    const rand = noise(5);
    const page = image(400, 300, (x, y) => (isStroke(x, y) ? 50 : 245) + 12 * rand());
    const { ink } = sauvola(smooth(page), { radius: 20 });
    let missed = 0;
    let specks = 0;
    let strokes = 0;
    for (let y = 0; y < 300; y++)
      for (let x = 0; x < 400; x++) {
        const stroke = isStroke(x + 0.5, y + 0.5);
        if (stroke) strokes++;
        if (stroke && !ink[y * 400 + x]) missed++;
        if (!stroke && ink[y * 400 + x]) specks++;
      }
    expect(missed / strokes).toBeLessThan(0.05);
    expect(specks / (400 * 300 - strokes)).toBeLessThan(0.01);
  });

  it('leaves a plain page blank', () => {
    const { ink } = sauvola(
      image(100, 100, () => 250),
      { radius: 10 },
    );
    expect(ink.every((v) => v === 0)).toBe(true);
  });
});

describe('despeckle', () => {
  it('removes specks and blobs at the edge, and keeps writing', () => {
    const width = 60;
    const height = 40;
    const ink = new Uint8Array(width * height);
    const set = (x: number, y: number) => {
      ink[y * width + x] = 1;
    };
    set(10, 10); // a one-pixel speck
    for (const [x, y] of [
      [20, 20],
      [21, 20],
      [20, 21],
    ] as const)
      set(x, y); // three pixels
    for (let y = 25; y < 30; y++) for (let x = 30; x < 50; x++) set(x, y); // a stroke
    for (let y = 0; y < 40; y++) for (const x of [58, 59]) set(x, y); // the table's edge
    const image: InkImage = { width, height, ink };
    despeckle(image, { maxSpeck: 4, margin: 3 });
    expect(ink[10 * width + 10]).toBe(0);
    expect(ink[20 * width + 20]).toBe(0);
    expect(ink[27 * width + 40]).toBe(1);
    expect(ink[5 * width + 58]).toBe(0);
    expect(ink.reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('encodeInkPng', () => {
  it('writes a 1-bit greyscale PNG that decodes to the same pixels, with its print size', async () => {
    const width = 21;
    const height = 7;
    const ink = new Uint8Array(width * height).map((_, i) => (i % 5 === 0 ? 1 : 0));
    const png = await encodeInkPng({ width, height, ink }, nodeDeflate);
    expect(png[24]).toBe(1); // bit depth
    expect(png[25]).toBe(0); // greyscale
    const { data, info } = await sharp(Buffer.from(png)).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([width, height]);
    expect([...data].map((v) => (v < 128 ? 1 : 0))).toEqual([...ink]);
    // 21 px across 210 mm: 100 pixels a metre, in the pHYs chunk after IHDR.
    const view = new DataView(png.buffer, png.byteOffset);
    expect(String.fromCharCode(...png.subarray(37, 41))).toBe('pHYs');
    expect(view.getUint32(41)).toBe(100);
    // The rows are packed 8 pixels a byte after a filter byte, and the IDAT inflates to them.
    const rows = packRows({ width, height, ink });
    expect(rows.length).toBe((1 + 3) * height);
    const idat = 8 + 25 + 21 + 4; // signature, IHDR, pHYs, then IDAT's length
    expect(String.fromCharCode(...png.subarray(idat, idat + 4))).toBe('IDAT');
    const length = view.getUint32(idat - 4);
    expect(new Uint8Array(inflateSync(png.subarray(idat + 4, idat + 4 + length)))).toEqual(rows);
  });
});
