// Straightens the page: every output pixel looks up where it lies in the
// photo (through the perspective matrix) and blends the four pixels there.
import type { Matrix3 } from './homography';
import type { GreyImage } from './types';

/**
 * `toSource` maps output coordinates to source coordinates. Pixels that fall
 * outside the source become `fill` (paper white).
 */
export function warpPerspective(source: GreyImage, toSource: Matrix3, width: number, height: number, fill = 255): GreyImage {
  const { width: sw, height: sh, data: src } = source;
  const out = new Uint8Array(width * height);
  const [a, b, c, d, e, f, g, h, i] = toSource;
  const maxX = sw - 1;
  const maxY = sh - 1;
  for (let y = 0; y < height; y++) {
    const cy = y + 0.5;
    // Numerators and denominator are linear in x: step them along the row.
    let nx = a * 0.5 + b * cy + c;
    let ny = d * 0.5 + e * cy + f;
    let w = g * 0.5 + h * cy + i;
    let o = y * width;
    for (let x = 0; x < width; x++, o++, nx += a, ny += d, w += g) {
      const sx = nx / w - 0.5;
      const sy = ny / w - 0.5;
      if (!(sx >= 0 && sy >= 0 && sx <= maxX && sy <= maxY)) {
        out[o] = fill;
        continue;
      }
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const x1 = x0 < maxX ? x0 + 1 : x0;
      const row0 = y0 * sw;
      const row1 = (y0 < maxY ? y0 + 1 : y0) * sw;
      const top = src[row0 + x0]! + (src[row0 + x1]! - src[row0 + x0]!) * fx;
      const bottom = src[row1 + x0]! + (src[row1 + x1]! - src[row1 + x0]!) * fx;
      out[o] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width, height, data: out };
}
