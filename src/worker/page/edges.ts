// Puts each side of a rough page outline on the paper's real edge. Along
// short rays across each side, the edge is where the light drops most
// sharply going outwards (in log brightness, so a hand's shadow or side
// light, which scale brightness smoothly, barely matter). A straight line
// is then fitted through those points, ignoring the ones that disagree.
import { fitLine, distanceToLine, intersect, type Line } from './geometry';
import type { GreyImage, Point, Quad } from './types';

const RAYS = 48;
/** Smallest outward drop (log units, about 18 %) that counts as an edge. */
const MIN_DROP = 0.18;

function logImage(map: GreyImage): Float32Array {
  const out = new Float32Array(map.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.log(4 + map.data[i]!);
  return out;
}

function sampler(values: Float32Array, width: number, height: number) {
  return (x: number, y: number): number => {
    const cx = Math.min(width - 1.001, Math.max(0, x));
    const cy = Math.min(height - 1.001, Math.max(0, y));
    const x0 = cx | 0;
    const y0 = cy | 0;
    const fx = cx - x0;
    const fy = cy - y0;
    const i = y0 * width + x0;
    const top = values[i]! + (values[i + 1]! - values[i]!) * fx;
    const bottom = values[i + width]! + (values[i + width + 1]! - values[i + width]!) * fx;
    return top + (bottom - top) * fy;
  };
}

type Sampler = (x: number, y: number) => number;

/** Points where the brightness drops most, going outwards across side a→b. */
export function edgePoints(map: GreyImage, at: Sampler, a: Point, b: Point, centre: Point, band: number): Point[] {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const dir = { x: (b.x - a.x) / length, y: (b.y - a.y) / length };
  let normal = { x: -dir.y, y: dir.x };
  // Outwards: away from the page's centre.
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  if ((mid.x - centre.x) * normal.x + (mid.y - centre.y) * normal.y < 0) normal = { x: -normal.x, y: -normal.y };
  const points: Point[] = [];
  for (let k = 0; k < RAYS; k++) {
    // A little past both ends: the rough corners may sit inside the page.
    const t = -0.1 + (1.2 * (k + 0.5)) / RAYS;
    const base = { x: a.x + dir.x * t * length, y: a.y + dir.y * t * length };
    let best = 0;
    let bestS = 0;
    for (let s = -band; s <= band; s += 0.5) {
      const x = base.x + normal.x * s;
      const y = base.y + normal.y * s;
      if (x < 1 || y < 1 || x > map.width - 2 || y > map.height - 2) continue;
      const drop = at(x + normal.x * 1.5, y + normal.y * 1.5) - at(x - normal.x * 1.5, y - normal.y * 1.5);
      if (drop < best) {
        best = drop;
        bestS = s;
      }
    }
    if (best <= -MIN_DROP) points.push({ x: base.x + normal.x * bestS, y: base.y + normal.y * bestS });
  }
  return points;
}

/** RANSAC over pairs of points, then a least-squares fit to the agreeing ones. */
export function robustLine(points: readonly Point[], tolerance: number): { line: Line; inliers: number } | null {
  if (points.length < 4) return null;
  let best: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const line = fitLine([points[i]!, points[j]!]);
      if (!line) continue;
      const agree = points.filter((p) => distanceToLine(line, p) <= tolerance);
      if (agree.length > best.length) best = agree;
    }
  }
  const line = fitLine(best);
  return line ? { line, inliers: best.length } : null;
}

/** Share of rays on a side that must agree with its line. */
export const MIN_SUPPORT = 0.4;

/**
 * Refines a rough outline to the paper's edges. A side with no clear edge
 * keeps its rough line when `keep(i)` allows it (a side along the photo's
 * own edge, cut off); otherwise the result is null.
 */
export function fitEdges(map: GreyImage, rough: Quad, keep: (side: number) => boolean = () => false): Quad | null {
  const at = sampler(logImage(map), map.width, map.height);
  const centre = {
    x: rough.reduce((s, p) => s + p.x, 0) / 4,
    y: rough.reduce((s, p) => s + p.y, 0) / 4,
  };
  const diagonal = Math.hypot(map.width, map.height);
  const band = 0.12 * diagonal;
  const tolerance = Math.max(1.2, 0.004 * diagonal);
  const lines: Line[] = [];
  for (let i = 0; i < 4; i++) {
    const a = rough[i]!;
    const b = rough[(i + 1) % 4]!;
    const fit = robustLine(edgePoints(map, at, a, b, centre, band), tolerance);
    if (fit && fit.inliers >= MIN_SUPPORT * RAYS) lines.push(fit.line);
    else if (keep(i)) lines.push(fitLine([a, b])!);
    else return null;
  }
  const corners = lines.map((line, i) => intersect(lines[(i + 3) % 4]!, line));
  if (corners.some((p) => p === null)) return null;
  return corners as unknown as Quad;
}
