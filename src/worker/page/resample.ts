// From the decoded photo (RGBA) to the one-channel images the other steps use.

import type { GreyImage } from './types';

/** Rec. 601 luma; transparent pixels count as white paper. */
export function greyFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < data.length; p++, i += 4) {
    const y = (77 * rgba[i]! + 150 * rgba[i + 1]! + 29 * rgba[i + 2]!) >> 8;
    const alpha = rgba[i + 3]!;
    data[p] = alpha === 255 ? y : (y * alpha + 255 * (255 - alpha)) / 255;
  }
  return { width, height, data };
}

/**
 * A small "how white is it" map for finding the page: the darkest of the
 * three channels, averaged over square blocks. Paper is bright in every
 * channel; a wooden table or a coloured cloth is not, even when bright.
 */
export function whitenessMap(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, maxSide: number): GreyImage {
  const factor = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  const w = Math.max(1, Math.floor(width / factor));
  const h = Math.max(1, Math.floor(height / factor));
  const sums = new Uint32Array(w * h);
  for (let y = 0; y < h * factor; y++) {
    const row = ((y / factor) | 0) * w;
    let i = y * width * 4;
    for (let x = 0; x < w * factor; x++, i += 4) {
      const r = rgba[i]!;
      const g = rgba[i + 1]!;
      const b = rgba[i + 2]!;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      sums[row + ((x / factor) | 0)]! += min;
    }
  }
  const data = new Uint8Array(w * h);
  const area = factor * factor;
  for (let p = 0; p < data.length; p++) data[p] = Math.round(sums[p]! / area);
  return { width: w, height: h, data };
}

/** Averages square blocks of `factor` pixels (the edges that do not fill a block are dropped). */
export function shrinkGrey(image: GreyImage, factor: number): GreyImage {
  if (factor <= 1) return image;
  const w = Math.max(1, Math.floor(image.width / factor));
  const h = Math.max(1, Math.floor(image.height / factor));
  const sums = new Uint32Array(w * h);
  for (let y = 0; y < h * factor; y++) {
    const row = ((y / factor) | 0) * w;
    const src = y * image.width;
    for (let x = 0; x < w * factor; x++) sums[row + ((x / factor) | 0)]! += image.data[src + x]!;
  }
  const data = new Uint8Array(w * h);
  const area = factor * factor;
  for (let p = 0; p < data.length; p++) data[p] = Math.round(sums[p]! / area);
  return { width: w, height: h, data };
}

/** Box blur of radius r (a (2r+1)² window), done as two running sums; edges repeat. */
export function boxBlur(image: GreyImage, radius: number): GreyImage {
  if (radius < 1) return image;
  const { width, height } = image;
  const tmp = new Uint8Array(width * height);
  const out = new Uint8Array(width * height);
  const size = 2 * radius + 1;
  const pass = (src: Uint8Array, dst: Uint8Array, length: number, lines: number, step: number, lineStep: number) => {
    for (let line = 0; line < lines; line++) {
      const base = line * lineStep;
      const at = (k: number) => src[base + Math.min(length - 1, Math.max(0, k)) * step]!;
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += at(k);
      for (let k = 0; k < length; k++) {
        dst[base + k * step] = (sum / size + 0.5) | 0;
        sum += at(k + radius + 1) - at(k - radius);
      }
    }
  };
  pass(image.data, tmp, width, height, 1, width);
  pass(tmp, out, height, width, width, 1);
  return { width, height, data: out };
}
