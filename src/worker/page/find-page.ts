// Finds the sheet of paper in a photo. On a small "whiteness" map, the
// largest bright region gives a rough outline; each side is then put on the
// paper's real edge, and the corners are where those lines meet. Returns
// null when no clear page is there (a screenshot, a close-up with no table
// around it, a busy or white desk).
import { boxBlur } from './resample';
import { fillHoles, largestRegion, otsu, outline } from './regions';
import { convexHull, cornerAngles, distance, isConvex, largestQuad, orderCorners, polygonArea, simplifyPolygon } from './geometry';
import { fitEdges } from './edges';
import type { GreyImage, Point, Quad } from './types';

export interface PageFound {
  /** Corners in the coordinates of the map that was searched. */
  quad: Quad;
  /** Why it was accepted: handy in tests and the bench. */
  areaShare: number;
}

/** A page must cover at least this share of the photo. */
const MIN_AREA_SHARE = 0.15;
/** How near (share of the short side) an edge may come to the photo's edge before it counts as cut off. */
const EDGE_MARGIN = 0.012;

function touchesEdge(a: Point, b: Point, width: number, height: number): boolean {
  const m = EDGE_MARGIN * Math.min(width, height) + 1;
  const both = (f: (p: Point) => boolean) => f(a) && f(b);
  return both((p) => p.x <= m) || both((p) => p.y <= m) || both((p) => p.x >= width - m) || both((p) => p.y >= height - m);
}

export function findPage(map: GreyImage): PageFound | null {
  const { width, height } = map;
  const blurred = boxBlur(boxBlur(map, 2), 2);
  const threshold = otsu(blurred.data);
  const bright = new Uint8Array(blurred.data.length);
  for (let p = 0; p < bright.length; p++) bright[p] = blurred.data[p]! > threshold ? 1 : 0;
  const region = largestRegion(bright, width);
  if (region.size < MIN_AREA_SHARE * width * height) return null;
  const filled = fillHoles(region.mask, width, height);
  let filledSize = 0;
  for (const v of filled) filledSize += v;

  const hull = convexHull(outline(filled, width, height));
  const rough = largestQuad(simplifyPolygon(hull, 24));
  if (!rough) return null;
  const corners = orderCorners(rough);

  // Put each side on the paper's edge (shadows and side light move the
  // bright region's outline, not the edge). A side along the photo's own
  // edge (the page is cut off there) keeps its rough line.
  const fitted = fitEdges(map, corners, (i) => touchesEdge(corners[i]!, corners[(i + 1) % 4]!, width, height));
  if (!fitted) return null;
  const diagonal = Math.hypot(width, height);
  if (fitted.some((p, i) => distance(p, corners[i]!) > 0.25 * diagonal)) return null;
  const quad = orderCorners(fitted);

  // Is it really a sheet of paper?
  const area = polygonArea(quad);
  if (area < MIN_AREA_SHARE * width * height) return null;
  if (!isConvex(quad)) return null;
  if (cornerAngles(quad).some((deg) => deg < 55 || deg > 125)) return null;
  // The bright region must fill the shape, and the shape the region.
  // (A shadowed corner can fall out of the bright region: allow for it.)
  if (filledSize < 0.6 * area || filledSize > 1.12 * area) return null;
  const top = (distance(quad[0], quad[1]) + distance(quad[3], quad[2])) / 2;
  const side = (distance(quad[0], quad[3]) + distance(quad[1], quad[2])) / 2;
  const aspect = Math.max(top, side) / Math.min(top, side);
  if (aspect > 2.2) return null;
  // A "page" cut off on two sides or more is a close-up or a screenshot.
  const cut = quad.filter((p, i) => touchesEdge(p, quad[(i + 1) % 4]!, width, height)).length;
  if (cut >= 2) return null;
  return { quad, areaShare: area / (width * height) };
}
