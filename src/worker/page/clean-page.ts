// The whole page-cleaning step, from a decoded photo to black ink on white:
// find the page, straighten it, even out the light, then threshold and tidy.
// Pure and synchronous: the image worker runs it, and so do Node's tests and
// the bench. Returns null when there is no clear page (then the caller keeps
// today's plain greyscale path).
import { findPage } from './find-page';
import { homography } from './homography';
import { greyFromRgba, whitenessMap } from './resample';
import { warpPerspective } from './warp';
import { flattenLight } from './flatten-light';
import { sauvola, smooth } from './threshold';
import { despeckle } from './despeckle';
import { distance } from './geometry';
import type { InkImage, Progress, Quad } from './types';

export interface CleanPageOptions {
  /** Width of the straightened page in pixels (1700 is about 200 dots an inch on A4). */
  pageWidth?: number;
  onProgress?: Progress;
}

export interface CleanedPage extends InkImage {
  /** Where the page's corners were found in the photo. */
  quad: Quad;
}

export const DEFAULT_PAGE_WIDTH = 1700;
/** Side of the small map the page is looked for on. */
const MAP_SIDE = 480;
const A4 = Math.SQRT2;

/** Height for a page of this width, from the sides' lengths; snapped to A4 when close. */
export function pageHeight(quad: Quad, width: number): number {
  const across = (distance(quad[0], quad[1]) + distance(quad[3], quad[2])) / 2;
  const down = (distance(quad[0], quad[3]) + distance(quad[1], quad[2])) / 2;
  let aspect = down / across;
  if (Math.abs(aspect - A4) < 0.12) aspect = A4;
  else if (Math.abs(1 / aspect - A4) < 0.12) aspect = 1 / A4;
  return Math.round(width * Math.min(2.2, Math.max(0.45, aspect)));
}

export function cleanPhoto(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, options: CleanPageOptions = {}): CleanedPage | null {
  const progress = options.onProgress ?? (() => {});
  const map = whitenessMap(rgba, width, height, MAP_SIDE);
  const found = findPage(map);
  progress(0.1);
  if (!found) return null;
  const scaleX = width / map.width;
  const scaleY = height / map.height;
  const quad = found.quad.map((p) => ({ x: p.x * scaleX, y: p.y * scaleY })) as unknown as Quad;

  const grey = greyFromRgba(rgba, width, height);
  progress(0.25);
  const outWidth = options.pageWidth ?? DEFAULT_PAGE_WIDTH;
  const outHeight = pageHeight(quad, outWidth);
  const toSource = homography(
    [
      { x: 0, y: 0 },
      { x: outWidth, y: 0 },
      { x: outWidth, y: outHeight },
      { x: 0, y: outHeight },
    ],
    quad,
  );
  if (!toSource) return null;
  const page = warpPerspective(grey, toSource, outWidth, outHeight);
  progress(0.45);
  const even = flattenLight(page);
  progress(0.6);
  const ink = sauvola(smooth(even), { radius: Math.round(outWidth / 40) });
  progress(0.85);
  despeckle(ink, { maxSpeck: Math.max(2, Math.round((outWidth / 1700) ** 2 * 4)), margin: Math.round(outWidth / 120) });
  progress(1);
  return { ...ink, quad };
}
