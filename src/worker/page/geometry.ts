// Plane geometry for the page outline: convex hull, the largest four-corner
// shape inside it, straight lines fitted to edge points, and corner order.
import type { Point, Quad } from './types';

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Andrew's monotone chain; returns the hull without repeating the first point. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

export function polygonArea(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    sum += a.x * b.y - b.x * a.y;
  }
  return Math.abs(sum) / 2;
}

/** Drops the vertex that adds least area until at most `max` remain (Visvalingam). */
export function simplifyPolygon(points: readonly Point[], max: number): Point[] {
  const out = [...points];
  while (out.length > max) {
    let worst = 0;
    let worstArea = Infinity;
    for (let i = 0; i < out.length; i++) {
      const area = Math.abs(cross(out[(i + out.length - 1) % out.length]!, out[i]!, out[(i + 1) % out.length]!));
      if (area < worstArea) {
        worstArea = area;
        worst = i;
      }
    }
    out.splice(worst, 1);
  }
  return out;
}

/** The four vertices of a convex polygon that enclose the most area (brute force on a small polygon). */
export function largestQuad(polygon: readonly Point[]): Point[] | null {
  const n = polygon.length;
  if (n < 4) return null;
  let best: Point[] | null = null;
  let bestArea = -1;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++)
      for (let c = b + 1; c < n; c++)
        for (let d = c + 1; d < n; d++) {
          const quad = [polygon[a]!, polygon[b]!, polygon[c]!, polygon[d]!];
          const area = polygonArea(quad);
          if (area > bestArea) {
            bestArea = area;
            best = quad;
          }
        }
  return best;
}

/** Top left, top right, bottom right, bottom left (image coordinates, y down). */
export function orderCorners(points: readonly Point[]): Quad {
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const byAngle = [...points].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  let first = 0;
  for (let i = 1; i < 4; i++) if (byAngle[i]!.x + byAngle[i]!.y < byAngle[first]!.x + byAngle[first]!.y) first = i;
  const q = [0, 1, 2, 3].map((k) => byAngle[(first + k) % 4]!);
  return [q[0]!, q[1]!, q[2]!, q[3]!];
}

/** A line as a point on it and a unit direction. */
export interface Line {
  point: Point;
  dir: Point;
}

/** Total least squares (principal axis) through the points. */
export function fitLine(points: readonly Point[]): Line | null {
  if (points.length < 2) return null;
  let mx = 0;
  let my = 0;
  for (const p of points) {
    mx += p.x;
    my += p.y;
  }
  mx /= points.length;
  my /= points.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    const dx = p.x - mx;
    const dy = p.y - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { point: { x: mx, y: my }, dir: { x: Math.cos(angle), y: Math.sin(angle) } };
}

export function distanceToLine(line: Line, p: Point): number {
  return Math.abs((p.x - line.point.x) * line.dir.y - (p.y - line.point.y) * line.dir.x);
}

export function intersect(a: Line, b: Line): Point | null {
  const det = a.dir.x * b.dir.y - a.dir.y * b.dir.x;
  if (Math.abs(det) < 1e-9) return null;
  const t = ((b.point.x - a.point.x) * b.dir.y - (b.point.y - a.point.y) * b.dir.x) / det;
  return { x: a.point.x + t * a.dir.x, y: a.point.y + t * a.dir.y };
}

/** Interior angle at each corner, in degrees. */
export function cornerAngles(quad: Quad): number[] {
  return quad.map((p, i) => {
    const prev = quad[(i + 3) % 4]!;
    const next = quad[(i + 1) % 4]!;
    const a = Math.atan2(prev.y - p.y, prev.x - p.x);
    const b = Math.atan2(next.y - p.y, next.x - p.x);
    let deg = Math.abs(((b - a) * 180) / Math.PI);
    if (deg > 180) deg = 360 - deg;
    return deg;
  });
}

export function isConvex(quad: Quad): boolean {
  const signs = quad.map((p, i) => Math.sign(cross(p, quad[(i + 1) % 4]!, quad[(i + 2) % 4]!)));
  return signs.every((s) => s === signs[0] && s !== 0);
}

export const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
