import { describe, expect, it } from 'vitest';
import { homography, project, solveLinear } from '../../../src/worker/page/homography';
import { convexHull, cornerAngles, fitLine, intersect, isConvex, largestQuad, orderCorners, polygonArea, simplifyPolygon } from '../../../src/worker/page/geometry';
import type { Point, Quad } from '../../../src/worker/page/types';

const close = (a: Point, b: Point, tolerance = 1e-6) => expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeLessThan(tolerance);

describe('perspective maths', () => {
  it('solves a linear system', () => {
    expect(
      solveLinear(
        [
          [2, 1],
          [1, 3],
        ],
        [3, 5],
      )!.map((v) => +v.toFixed(9)),
    ).toEqual([0.8, 1.4]);
    expect(
      solveLinear(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeNull();
  });

  it('maps four points exactly onto four others, and points between consistently', () => {
    const from = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 141 },
      { x: 0, y: 141 },
    ];
    const to = [
      { x: 12, y: 30 },
      { x: 95, y: 18 },
      { x: 110, y: 160 },
      { x: 3, y: 150 },
    ];
    const m = homography(from, to)!;
    from.forEach((p, i) => close(project(m, p.x, p.y), to[i]!));
    const back = homography(to, from)!;
    const mid = project(m, 50, 70);
    close(project(back, mid.x, mid.y), { x: 50, y: 70 }, 1e-6);
  });

  it('refuses three points in a line', () => {
    expect(
      homography(
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
          { x: 2, y: 0 },
          { x: 0, y: 1 },
        ],
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
          { x: 1, y: 1 },
          { x: 0, y: 1 },
        ],
      ),
    ).toBeNull();
  });
});

describe('plane geometry', () => {
  const square = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 10 },
    { x: 0, y: 10 },
  ];

  it('finds the convex hull, ignoring points inside and on edges', () => {
    const hull = convexHull([...square, { x: 5, y: 5 }, { x: 5, y: 0 }, { x: 2, y: 7 }]);
    expect(hull).toHaveLength(4);
    expect(polygonArea(hull)).toBe(100);
  });

  it('keeps the corners when simplifying a rounded outline, and picks the largest four-corner shape', () => {
    const outline: Point[] = [];
    for (let k = 0; k < 64; k++) {
      const t = (k / 64) * 2 * Math.PI;
      // A square with softly rounded corners.
      const r = 1 / Math.max(Math.abs(Math.cos(t)), Math.abs(Math.sin(t))) ** 0.98;
      outline.push({ x: 50 + 40 * r * Math.cos(t), y: 50 + 40 * r * Math.sin(t) });
    }
    const quad = largestQuad(simplifyPolygon(convexHull(outline), 12))!;
    expect(polygonArea(quad)).toBeGreaterThan(0.9 * 80 * 80);
  });

  it('orders corners top left, top right, bottom right, bottom left, even turned', () => {
    const turned = [
      { x: 60, y: 8 },
      { x: 5, y: 20 },
      { x: 95, y: 70 },
      { x: 30, y: 90 },
    ];
    const [tl, tr, br, bl] = orderCorners(turned);
    expect([tl, tr, br, bl]).toEqual([
      { x: 5, y: 20 },
      { x: 60, y: 8 },
      { x: 95, y: 70 },
      { x: 30, y: 90 },
    ]);
  });

  it('fits a line through noisy points and intersects two lines', () => {
    const a = fitLine([
      { x: 0, y: 1 },
      { x: 5, y: 1.1 },
      { x: 10, y: 0.9 },
      { x: 15, y: 1 },
    ])!;
    const b = fitLine([
      { x: 7, y: -5 },
      { x: 7, y: 5 },
      { x: 7.1, y: 12 },
    ])!;
    const p = intersect(a, b)!;
    expect(p.x).toBeCloseTo(7, 0);
    expect(p.y).toBeCloseTo(1, 0);
  });

  it('measures corner angles and convexity', () => {
    expect(cornerAngles(square as unknown as Quad).map(Math.round)).toEqual([90, 90, 90, 90]);
    expect(isConvex(square as unknown as Quad)).toBe(true);
    expect(
      isConvex([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 2, y: 2 },
        { x: 0, y: 10 },
      ] as unknown as Quad),
    ).toBe(false);
  });
});
