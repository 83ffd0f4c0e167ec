// Two-level masks on small images: Otsu's threshold, the largest connected
// region, filled holes, and the outline points of a region.
import type { Point } from './types';

/** Otsu's threshold: the level that best splits the histogram in two. Values above it are "bright". */
export function otsu(data: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (const v of data) histogram[v]!++;
  const total = data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * histogram[v]!;
  let best = 0;
  let bestScore = -1;
  let weightLow = 0;
  let sumLow = 0;
  for (let t = 0; t < 255; t++) {
    weightLow += histogram[t]!;
    if (weightLow === 0) continue;
    const weightHigh = total - weightLow;
    if (weightHigh === 0) break;
    sumLow += t * histogram[t]!;
    const meanLow = sumLow / weightLow;
    const meanHigh = (sumAll - sumLow) / weightHigh;
    const score = weightLow * weightHigh * (meanLow - meanHigh) ** 2;
    if (score > bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}

/** Keeps only the largest 4-connected region of 1s; returns it and its size. */
export function largestRegion(mask: Uint8Array, width: number): { mask: Uint8Array; size: number } {
  const labels = new Int32Array(mask.length);
  const stack = new Int32Array(mask.length);
  let bestLabel = 0;
  let bestSize = 0;
  let label = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    label++;
    let size = 0;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const p = stack[--top]!;
      size++;
      const x = p % width;
      const visit = (q: number) => {
        labels[q] = label;
        stack[top++] = q;
      };
      if (x > 0 && mask[p - 1] && !labels[p - 1]) visit(p - 1);
      if (x < width - 1 && mask[p + 1] && !labels[p + 1]) visit(p + 1);
      if (p >= width && mask[p - width] && !labels[p - width]) visit(p - width);
      if (p < mask.length - width && mask[p + width] && !labels[p + width]) visit(p + width);
    }
    if (size > bestSize) {
      bestSize = size;
      bestLabel = label;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let p = 0; p < mask.length; p++) out[p] = labels[p] === bestLabel && bestLabel > 0 ? 1 : 0;
  return { mask: out, size: bestSize };
}

/** Fills every hole of the mask (0s not reachable from the image edge). */
export function fillHoles(mask: Uint8Array, width: number, height: number): Uint8Array {
  const outside = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  let top = 0;
  const push = (p: number) => {
    if (!mask[p] && !outside[p]) {
      outside[p] = 1;
      stack[top++] = p;
    }
  };
  for (let x = 0; x < width; x++) {
    push(x);
    push((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    push(y * width);
    push(y * width + width - 1);
  }
  while (top > 0) {
    const p = stack[--top]!;
    const x = p % width;
    if (x > 0) push(p - 1);
    if (x < width - 1) push(p + 1);
    if (p >= width) push(p - width);
    if (p < mask.length - width) push(p + width);
  }
  const out = new Uint8Array(mask.length);
  for (let p = 0; p < mask.length; p++) out[p] = outside[p] ? 0 : 1;
  return out;
}

/** Points of the region that touch the outside (not counting the image's own edge). */
export function outline(mask: Uint8Array, width: number, height: number): Point[] {
  const points: Point[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      if (mask[p] && (!mask[p - 1] || !mask[p + 1] || !mask[p - width] || !mask[p + width])) points.push({ x: x + 0.5, y: y + 0.5 });
    }
  }
  return points;
}
