// Turns a rendered page into a realistic 12-megapixel phone photo of it:
// the sheet lies on a textured surface, seen at an angle, lit from one side,
// with a hand's shadow, a little blur, sensor noise, JPEG compression and,
// for some, an EXIF orientation instead of upright pixels.
import sharp from 'sharp';
import { homography } from '../../../src/worker/page/homography';
import { PAGE_HEIGHT, PAGE_WIDTH } from './render';
import { seededRandom } from '../seeded-random';

export type Background = 'wood' | 'fabric' | 'desk' | 'granite' | 'sofa';

export interface PhotoParams {
  seed: number;
  background: Background;
  /** Page height as a share of the frame height. */
  pageShare: number;
  /** Page centre offset, as shares of the frame. */
  offset: readonly [number, number];
  /** Turn of the page, degrees. */
  rotate: number;
  /** Perspective: how much shorter the far (top) edge looks; and the left edge. */
  tilt: number;
  skew: number;
  /** Light falls off towards this direction (degrees), down to `min` of full brightness. */
  light: { angle: number; min: number; warm: boolean };
  /** A hand's shadow: centre and size as shares of the frame, darkness 0 to 1. */
  shadow?: { x: number; y: number; rx: number; ry: number; angle: number; strength: number };
  /** A thumb holding the page down over its edge (share coordinates). */
  thumb?: { x: number; y: number };
  blur: number;
  noise: number;
  quality: number;
  /** EXIF orientation: the pixels are stored turned, and the tag says how to show them. */
  orientation: 1 | 3 | 6 | 8;
  /** The page fills the frame: no table, no page edge to find. */
  closeUp?: boolean;
}

export const FRAME_WIDTH = 3000;
export const FRAME_HEIGHT = 4000;

/** Smooth value noise in 0..1 on a grid of cells, sampled at shares of the frame. */
function valueNoise(rand: () => number, cellsX: number, cellsY: number): (x: number, y: number) => number {
  const w = cellsX + 2;
  const grid = Float32Array.from({ length: w * (cellsY + 2) }, () => rand());
  return (x, y) => {
    const gx = Math.min(cellsX, Math.max(0, x * cellsX));
    const gy = Math.min(cellsY, Math.max(0, y * cellsY));
    const x0 = gx | 0;
    const y0 = gy | 0;
    let fx = gx - x0;
    let fy = gy - y0;
    fx = fx * fx * (3 - 2 * fx);
    fy = fy * fy * (3 - 2 * fy);
    const i = y0 * w + x0;
    const top = grid[i]! + (grid[i + 1]! - grid[i]!) * fx;
    const bottom = grid[i + w]! + (grid[i + w + 1]! - grid[i + w]!) * fx;
    return top + (bottom - top) * fy;
  };
}

type Texture = (x: number, y: number, px: number, py: number, out: Float32Array) => void;

function texture(kind: Background, rand: () => number): Texture {
  const broad = valueNoise(rand, 6, 8);
  const fine = valueNoise(rand, 240, 320);
  const grainAngle = rand() * Math.PI;
  const ca = Math.cos(grainAngle);
  const sa = Math.sin(grainAngle);
  switch (kind) {
    case 'wood':
      return (x, y, _px, _py, out) => {
        const along = (x * ca + y * sa) * 90 + 7 * broad(x, y);
        const v = 0.78 + 0.12 * Math.sin(along) + 0.12 * broad(x * 3, y * 3) + 0.08 * fine(x, y);
        out.set([150 * v, 100 * v, 62 * v]);
      };
    case 'fabric':
      return (x, y, px, py, out) => {
        const weave = Math.sin(px * 0.9) * Math.sin(py * 0.9);
        const v = 0.85 + 0.06 * weave + 0.12 * broad(x, y) + 0.08 * fine(x, y);
        out.set([92 * v, 104 * v, 128 * v]);
      };
    case 'desk':
      return (x, y, _px, _py, out) => {
        const v = 0.85 + 0.25 * broad(x, y) + 0.06 * fine(x, y);
        out.set([58 * v, 55 * v, 60 * v]);
      };
    case 'granite': {
      const speck = valueNoise(rand, 900, 1200);
      return (x, y, _px, _py, out) => {
        const s = speck(x, y);
        const v = s > 0.72 ? 0.55 : s < 0.2 ? 1.08 : 0.85 + 0.1 * fine(x, y);
        const b = 0.9 + 0.1 * broad(x, y);
        out.set([158 * v * b, 150 * v * b, 140 * v * b]);
      };
    }
    case 'sofa':
      return (x, y, px, py, out) => {
        const v = 0.8 + 0.05 * Math.sin((px + py) * 0.35) + 0.2 * broad(x, y) + 0.1 * fine(x, y);
        out.set([128 * v, 52 * v, 50 * v]);
      };
  }
}

/** Where the page's corners land in the frame (top left, top right, bottom right, bottom left). */
export function pageCorners(p: PhotoParams): { x: number; y: number }[] {
  let ph = p.pageShare * FRAME_HEIGHT;
  let pw = (ph * PAGE_WIDTH) / PAGE_HEIGHT;
  let cx = FRAME_WIDTH / 2 + p.offset[0] * FRAME_WIDTH;
  let cy = FRAME_HEIGHT / 2 + p.offset[1] * FRAME_HEIGHT;
  if (p.closeUp) {
    pw = FRAME_WIDTH * 1.05;
    ph = (pw * PAGE_HEIGHT) / PAGE_WIDTH;
    cx = FRAME_WIDTH / 2;
    cy = ph / 2 - 0.03 * FRAME_HEIGHT;
  }
  const corners = [
    [(-pw / 2) * (1 - p.tilt), (-ph / 2) * (1 - p.skew)],
    [(pw / 2) * (1 - p.tilt), -ph / 2],
    [pw / 2, ph / 2],
    [-pw / 2, (ph / 2) * (1 - p.skew)],
  ];
  const r = (p.rotate * Math.PI) / 180;
  return corners.map(([x, y]) => ({ x: cx + x! * Math.cos(r) - y! * Math.sin(r), y: cy + x! * Math.sin(r) + y! * Math.cos(r) }));
}

export async function makePhoto(page: Uint8Array, p: PhotoParams): Promise<Buffer> {
  const rand = seededRandom(p.seed);
  const W = FRAME_WIDTH;
  const H = FRAME_HEIGHT;
  const corners = pageCorners(p);
  const toPage = homography(corners, [
    { x: 0, y: 0 },
    { x: PAGE_WIDTH, y: 0 },
    { x: PAGE_WIDTH, y: PAGE_HEIGHT },
    { x: 0, y: PAGE_HEIGHT },
  ]);
  if (!toPage) throw new Error('bad page corners');
  const background = texture(p.background, rand);
  const paper = [244, 241, 233];
  const ink = [30, 30, 38];
  const tint = p.light.warm ? [1, 0.955, 0.87] : [0.95, 0.975, 1];
  const la = (p.light.angle * Math.PI) / 180;
  const half = Math.hypot(W, H) / 2;
  const shadow = p.shadow;
  const thumb = p.thumb;
  const rgb = new Uint8Array(W * H * 3);

  const [a, b0, c, d, e, f0, g0, h0, i0] = toPage;
  const scratch = new Float32Array(3);
  const shadowCos = shadow ? Math.cos(shadow.angle) : 0;
  const shadowSin = shadow ? Math.sin(shadow.angle) : 0;
  // The page's own soft shadow on the table: the page, seen 25 px left and 35 px up.
  const inShadowOfPage = (x: number, y: number) => {
    const w = g0 * x + h0 * y + i0;
    const su = (a * x + b0 * y + c) / w;
    const sv = (d * x + e * y + f0) / w;
    return su >= -20 && sv >= -20 && su < PAGE_WIDTH + 20 && sv < PAGE_HEIGHT + 20;
  };

  for (let y = 0; y < H; y++) {
    const cy = y + 0.5;
    const dy = (y - H / 2) / (H / 2);
    for (let x = 0; x < W; x++) {
      const cx = x + 0.5;
      const w = g0 * cx + h0 * cy + i0;
      const u = (a * cx + b0 * cy + c) / w;
      const v = (d * cx + e * cy + f0) / w;
      let r: number;
      let g: number;
      let b: number;
      if (u >= 0 && v >= 0 && u < PAGE_WIDTH - 1 && v < PAGE_HEIGHT - 1) {
        const u0 = u | 0;
        const v0 = v | 0;
        const fu = u - u0;
        const fv = v - v0;
        const i = v0 * PAGE_WIDTH + u0;
        const top = page[i]! + (page[i + 1]! - page[i]!) * fu;
        const bottom = page[i + PAGE_WIDTH]! + (page[i + PAGE_WIDTH + 1]! - page[i + PAGE_WIDTH]!) * fu;
        const t = (top + (bottom - top) * fv) / 255;
        r = ink[0]! + (paper[0]! - ink[0]!) * t;
        g = ink[1]! + (paper[1]! - ink[1]!) * t;
        b = ink[2]! + (paper[2]! - ink[2]!) * t;
      } else {
        background(x / W, y / H, x, y, scratch);
        const k = inShadowOfPage(cx - 25, cy - 35) ? 0.72 : 1;
        r = scratch[0]! * k;
        g = scratch[1]! * k;
        b = scratch[2]! * k;
      }
      // Light from one side, and the lens's darker corners.
      const along = ((x - W / 2) * Math.cos(la) + (y - H / 2) * Math.sin(la)) / half;
      const fall = Math.min(1, Math.max(0, (along + 1) / 2));
      let light = 1 - (1 - p.light.min) * fall ** 1.3;
      const dx = (x - W / 2) / (W / 2);
      light *= 1 - 0.1 * (dx * dx + dy * dy);
      if (shadow) {
        const ex = (x / W - shadow.x) * shadowCos + (y / H - shadow.y) * shadowSin;
        const ey = -(x / W - shadow.x) * shadowSin + (y / H - shadow.y) * shadowCos;
        const dd = Math.sqrt((ex / shadow.rx) ** 2 + (ey / shadow.ry) ** 2);
        const s = dd <= 0.7 ? 1 : dd >= 1.3 ? 0 : 0.5 + 0.5 * Math.cos(((dd - 0.7) / 0.6) * Math.PI);
        light *= 1 - shadow.strength * s;
      }
      if (thumb) {
        const dd = Math.hypot((x / W - thumb.x) / 0.05, (y / H - thumb.y) / 0.035);
        if (dd < 1) {
          const shade = 0.75 + 0.25 * Math.sqrt(1 - dd * dd);
          r = 205 * shade;
          g = 152 * shade;
          b = 124 * shade;
        }
      }
      const o = (y * W + x) * 3;
      rgb[o] = r * light * tint[0]!;
      rgb[o + 1] = g * light * tint[1]!;
      rgb[o + 2] = b * light * tint[2]!;
    }
  }

  const blurred = await sharp(rgb, { raw: { width: W, height: H, channels: 3 } })
    .blur(p.blur)
    .raw()
    .toBuffer();
  // Sensor noise: mostly brightness, some colour (sum of three uniforms ≈ normal).
  const noisy = new Uint8Array(blurred.length);
  const sigma = p.noise;
  for (let i = 0; i < blurred.length; i += 3) {
    const luma = (rand() + rand() + rand() - 1.5) * 2 * sigma;
    for (let c = 0; c < 3; c++) {
      const chroma = (rand() - 0.5) * sigma;
      const v = blurred[i + c]! + luma + chroma;
      noisy[i + c] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  const turn = { 1: 0, 3: 180, 6: 270, 8: 90 }[p.orientation];
  return sharp(noisy, { raw: { width: W, height: H, channels: 3 } })
    .rotate(turn)
    .jpeg({ quality: p.quality, chromaSubsampling: '4:2:0' })
    .withMetadata({ orientation: p.orientation })
    .toBuffer();
}
