// Removes what is not writing: specks of noise (tiny blobs of ink) and
// anything at the page's very edge (a sliver of table, the edge's shadow).
import type { InkImage } from './types';

export interface DespeckleOptions {
  /** Blobs of this many pixels or fewer are removed. */
  maxSpeck: number;
  /** Width of the edge band that is cleared, with every blob that reaches into it. */
  margin: number;
}

export function despeckle(image: InkImage, { maxSpeck, margin }: DespeckleOptions): void {
  const { width, height, ink } = image;
  const stack = new Int32Array(width * height);
  const inBand = (p: number) => {
    const x = p % width;
    const y = (p / width) | 0;
    return x < margin || y < margin || x >= width - margin || y >= height - margin;
  };
  // 8-connected flood fill over pixels equal to `from`, setting them to `to`.
  const fill = (start: number, from: number, to: number): { size: number; edge: boolean } => {
    let top = 0;
    let size = 0;
    let edge = false;
    ink[start] = to;
    stack[top++] = start;
    while (top > 0) {
      const p = stack[--top]!;
      size++;
      if (!edge && inBand(p)) edge = true;
      const x = p % width;
      const y = (p / width) | 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (ink[q] === from) {
            ink[q] = to;
            stack[top++] = q;
          }
        }
      }
    }
    return { size, edge };
  };
  // Visited blobs are marked 2; the ones to drop are then filled with 0.
  for (let p = 0; p < ink.length; p++) {
    if (ink[p] !== 1) continue;
    const blob = fill(p, 1, 2);
    if (blob.size <= maxSpeck || blob.edge) fill(p, 2, 0);
  }
  for (let p = 0; p < ink.length; p++) if (ink[p] === 2) ink[p] = 1;
}
