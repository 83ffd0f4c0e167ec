// Ink or paper, pixel by pixel: Sauvola's local threshold,
//   T = mean · (1 + k · (deviation / range − 1)),
// with the local mean and deviation taken over a window of small cells
// (summed-area tables over 4×4 cells, then blended between cell centres),
// so a 1700 × 2400 page needs a few MB rather than two full-size tables.
import type { GreyImage, InkImage } from './types';

export interface SauvolaOptions {
  /** Half the window's side, in pixels. */
  radius: number;
  k?: number;
  range?: number;
  cell?: number;
}

/** [1 2 1] smoothing in both directions: takes the edge off sensor noise, keeps strokes. */
export function smooth(image: GreyImage): GreyImage {
  const { width, height, data } = image;
  const tmp = new Uint16Array(width * height);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const r = y * width;
    for (let x = 0; x < width; x++) {
      const l = data[r + (x > 0 ? x - 1 : x)]!;
      const c = data[r + x]!;
      const rr = data[r + (x < width - 1 ? x + 1 : x)]!;
      tmp[r + x] = l + 2 * c + rr;
    }
  }
  for (let y = 0; y < height; y++) {
    const up = (y > 0 ? y - 1 : y) * width;
    const r = y * width;
    const down = (y < height - 1 ? y + 1 : y) * width;
    for (let x = 0; x < width; x++) out[r + x] = (tmp[up + x]! + 2 * tmp[r + x]! + tmp[down + x]! + 8) >> 4;
  }
  return { width, height, data: out };
}

export function sauvola(image: GreyImage, { radius, k = 0.25, range = 128, cell = 4 }: SauvolaOptions): InkImage {
  const { width, height, data } = image;
  const cw = Math.ceil(width / cell);
  const ch = Math.ceil(height / cell);
  // Summed-area tables of cell sums, their squares and their pixel counts.
  const stride = cw + 1;
  const sum = new Float64Array(stride * (ch + 1));
  const sq = new Float64Array(stride * (ch + 1));
  const count = new Float64Array(stride * (ch + 1));
  const cellSum = new Float64Array(cw);
  const cellSq = new Float64Array(cw);
  const cellCount = new Float64Array(cw);
  for (let cy = 0; cy < ch; cy++) {
    cellSum.fill(0);
    cellSq.fill(0);
    cellCount.fill(0);
    for (let y = cy * cell; y < Math.min(height, (cy + 1) * cell); y++) {
      const r = y * width;
      for (let x = 0; x < width; x++) {
        const v = data[r + x]!;
        const c = (x / cell) | 0;
        cellSum[c]! += v;
        cellSq[c]! += v * v;
        cellCount[c]!++;
      }
    }
    let rowSum = 0;
    let rowSq = 0;
    let rowCount = 0;
    for (let cx = 0; cx < cw; cx++) {
      rowSum += cellSum[cx]!;
      rowSq += cellSq[cx]!;
      rowCount += cellCount[cx]!;
      const o = (cy + 1) * stride + cx + 1;
      sum[o] = sum[o - stride]! + rowSum;
      sq[o] = sq[o - stride]! + rowSq;
      count[o] = count[o - stride]! + rowCount;
    }
  }
  // Threshold at each cell centre.
  const r = Math.max(1, Math.round(radius / cell));
  const thresholds = new Float32Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    const y0 = Math.max(0, cy - r);
    const y1 = Math.min(ch, cy + r + 1);
    for (let cx = 0; cx < cw; cx++) {
      const x0 = Math.max(0, cx - r);
      const x1 = Math.min(cw, cx + r + 1);
      const box = (t: Float64Array) => t[y1 * stride + x1]! - t[y0 * stride + x1]! - t[y1 * stride + x0]! + t[y0 * stride + x0]!;
      const n = box(count);
      const mean = box(sum) / n;
      const deviation = Math.sqrt(Math.max(0, box(sq) / n - mean * mean));
      thresholds[cy * cw + cx] = mean * (1 + k * (deviation / range - 1));
    }
  }
  const ink = new Uint8Array(width * height);
  const line = new Float32Array(cw);
  for (let y = 0; y < height; y++) {
    const gy = Math.min(ch - 1, Math.max(0, (y + 0.5) / cell - 0.5));
    const y0 = Math.floor(gy);
    const y1 = Math.min(ch - 1, y0 + 1);
    const fy = gy - y0;
    for (let cx = 0; cx < cw; cx++) line[cx] = thresholds[y0 * cw + cx]! * (1 - fy) + thresholds[y1 * cw + cx]! * fy;
    const base = y * width;
    for (let x = 0; x < width; x++) {
      const gx = Math.min(cw - 1, Math.max(0, (x + 0.5) / cell - 0.5));
      const x0 = Math.floor(gx);
      const x1 = Math.min(cw - 1, x0 + 1);
      const t = line[x0]! + (line[x1]! - line[x0]!) * (gx - x0);
      ink[base + x] = data[base + x]! < t ? 1 : 0;
    }
  }
  return { width, height, ink };
}
