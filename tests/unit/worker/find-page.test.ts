import { describe, expect, it } from 'vitest';
import { findPage } from '../../../src/worker/page/find-page';
import { fillHoles, largestRegion, otsu } from '../../../src/worker/page/regions';
import { image, inside, noise } from './synthetic';
import type { Point } from '../../../src/worker/page/types';

const W = 360;
const H = 480;

/** A whiteness map of a sheet on a dark table, lit from one side, with a shadow over one corner. */
function photoMap(corners: Point[], { shadow = true, table = 60, paper = 225 } = {}) {
  const rand = noise(7);
  return image(W, H, (x, y) => {
    let v = inside(corners, x, y) ? paper : table;
    // Texts darken the page a little in rows (no effect on the outline).
    if (inside(corners, x, y) && Math.floor(y / 6) % 3 === 0 && x % 40 > 6) v -= 40;
    v *= 1 - 0.35 * (x / W); // side light
    if (shadow) {
      const d = Math.hypot((x - W * 0.95) / 90, (y - H * 0.95) / 60);
      if (d < 1) v *= 0.55 + 0.45 * d; // a hand's shadow over the bottom right
    }
    return v + 4 * rand();
  });
}

const truth: Point[] = [
  { x: 70, y: 60 },
  { x: 300, y: 45 },
  { x: 320, y: 440 },
  { x: 40, y: 425 },
];

describe('regions', () => {
  it("splits a two-level histogram with Otsu's threshold", () => {
    const data = new Uint8Array([...new Array(500).fill(40), ...new Array(500).fill(200)]);
    const t = otsu(data);
    expect(t).toBeGreaterThanOrEqual(40);
    expect(t).toBeLessThan(200);
  });

  it('keeps the largest region and fills its holes (not what touches the edge)', () => {
    const mask = new Uint8Array(10 * 10);
    for (let y = 1; y < 8; y++) for (let x = 1; x < 8; x++) mask[y * 10 + x] = 1;
    mask[4 * 10 + 4] = 0; // a hole
    mask[9 * 10 + 9] = 1; // a speck elsewhere
    const { mask: largest, size } = largestRegion(mask, 10);
    expect(size).toBe(48);
    expect(largest[99]).toBe(0);
    expect(fillHoles(largest, 10, 10)[44]).toBe(1);
  });
});

describe('findPage', () => {
  it('finds the corners of a tilted sheet under side light and a hand shadow', () => {
    const found = findPage(photoMap(truth));
    expect(found).not.toBeNull();
    found!.quad.forEach((p, i) => expect(Math.hypot(p.x - truth[i]!.x, p.y - truth[i]!.y)).toBeLessThan(3));
  });

  it('finds it without the shadow too, on a lighter table', () => {
    const found = findPage(photoMap(truth, { shadow: false, table: 120 }));
    expect(found).not.toBeNull();
    found!.quad.forEach((p, i) => expect(Math.hypot(p.x - truth[i]!.x, p.y - truth[i]!.y)).toBeLessThan(3));
  });

  it('finds nothing in an all-white picture (a screenshot)', () => {
    expect(findPage(image(W, H, () => 240))).toBeNull();
  });

  it('finds nothing when the paper runs off two edges (a close-up)', () => {
    const closeUp: Point[] = [
      { x: -20, y: -30 },
      { x: 330, y: -10 },
      { x: 340, y: 520 },
      { x: -10, y: 500 },
    ];
    expect(findPage(photoMap(closeUp, { shadow: false }))).toBeNull();
  });

  it('finds nothing when the bright thing is too small to be the letter', () => {
    const small: Point[] = [
      { x: 150, y: 200 },
      { x: 210, y: 200 },
      { x: 210, y: 280 },
      { x: 150, y: 280 },
    ];
    expect(findPage(photoMap(small, { shadow: false }))).toBeNull();
  });

  it('finds nothing in a round bright shape (a plate, not a page)', () => {
    const plate = image(W, H, (x, y) => (Math.hypot(x - 180, y - 240) < 150 ? 230 : 50));
    expect(findPage(plate)).toBeNull();
  });
});
