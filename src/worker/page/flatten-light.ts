// Evens out the light: estimates how bright bare paper would be at each
// point (a bright percentile over blocks, spread and smoothed), then divides
// by it. Side light, a vignette and a hand's shadow all become plain white.
import type { GreyImage } from './types';

/** Share of a block's pixels darker than its "paper" value: text never fills 90 % of a block. */
const PAPER_PERCENTILE = 0.9;
/** Never divide by less than this: black background slivers stay black. */
const FLOOR = 40;

function paperGrid(image: GreyImage, block: number): { grid: Float32Array; gw: number; gh: number } {
  const { width, height, data } = image;
  const gw = Math.ceil(width / block);
  const gh = Math.ceil(height / block);
  const grid = new Float32Array(gw * gh);
  const histogram = new Uint32Array(256);
  for (let by = 0; by < gh; by++) {
    const y0 = by * block;
    const y1 = Math.min(height, y0 + block);
    for (let bx = 0; bx < gw; bx++) {
      const x0 = bx * block;
      const x1 = Math.min(width, x0 + block);
      histogram.fill(0);
      for (let y = y0; y < y1; y++) {
        const row = y * width;
        for (let x = x0; x < x1; x++) histogram[data[row + x]!]!++;
      }
      const wanted = PAPER_PERCENTILE * (y1 - y0) * (x1 - x0);
      let seen = 0;
      let v = 0;
      for (; v < 255; v++) {
        seen += histogram[v]!;
        if (seen >= wanted) break;
      }
      grid[by * gw + bx] = v;
    }
  }
  return { grid, gw, gh };
}

/**
 * A block much darker than its neighbours is one filled with ink (a bold
 * heading, the logo): it takes their median instead. Then two 3×3 means, so
 * the estimate follows soft shadows without steps.
 */
function spread(grid: Float32Array, gw: number, gh: number): Float32Array {
  const at = (src: Float32Array, x: number, y: number) => src[Math.min(gh - 1, Math.max(0, y)) * gw + Math.min(gw - 1, Math.max(0, x))]!;
  const fixed = new Float32Array(grid.length);
  const around = new Float32Array(8);
  for (let y = 0; y < gh; y++)
    for (let x = 0; x < gw; x++) {
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (dx || dy) around[n++] = at(grid, x + dx, y + dy);
      around.sort();
      const median = (around[3]! + around[4]!) / 2;
      const own = grid[y * gw + x]!;
      fixed[y * gw + x] = own < 0.8 * median ? median : own;
    }
  const mean = (src: Float32Array) => {
    const out = new Float32Array(src.length);
    for (let y = 0; y < gh; y++)
      for (let x = 0; x < gw; x++) {
        let sum = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += at(src, x + dx, y + dy);
        out[y * gw + x] = sum / 9;
      }
    return out;
  };
  return mean(mean(fixed));
}

/** Returns a new image where bare paper is 255 everywhere. */
export function flattenLight(image: GreyImage, block = Math.max(12, Math.round(Math.max(image.width, image.height) / 64))): GreyImage {
  const { width, height, data } = image;
  const { grid: raw, gw, gh } = paperGrid(image, block);
  const grid = spread(raw, gw, gh);
  const out = new Uint8Array(width * height);
  const row = new Float32Array(gw);
  for (let y = 0; y < height; y++) {
    // Block centres sit at (k + 0.5) · block: interpolate between them.
    const gy = Math.min(gh - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(gy);
    const y1 = Math.min(gh - 1, y0 + 1);
    const fy = gy - y0;
    for (let x = 0; x < gw; x++) row[x] = grid[y0 * gw + x]! * (1 - fy) + grid[y1 * gw + x]! * fy;
    const base = y * width;
    for (let x = 0; x < width; x++) {
      const gx = Math.min(gw - 1, Math.max(0, (x + 0.5) / block - 0.5));
      const x0 = Math.floor(gx);
      const x1 = Math.min(gw - 1, x0 + 1);
      const paper = Math.max(FLOOR, row[x0]! + (row[x1]! - row[x0]!) * (gx - x0));
      const v = (data[base + x]! * 255) / paper;
      out[base + x] = v >= 255 ? 255 : v;
    }
  }
  return { width, height, data: out };
}
