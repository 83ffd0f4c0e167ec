// The set of test photos: one realistic 12-megapixel phone photo per letter,
// made deterministically (seeded) into a cache folder outside git, and a
// manifest of what each one should be read as. Run it on its own with
//   npx tsx tests/support/letter-photos/generate.ts
// (tests and `npm run bench:image` call photoSet(), which reuses the cache).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LETTERS, TODAY, letterText, type Letter } from './letters';
import { makePhoto, pageCorners, type PhotoParams } from './photo';
import { renderLetter } from './render';

const HERE = dirname(fileURLToPath(import.meta.url));

/** How each photo is taken. Kept next to the letters so a change regenerates the set. */
export const SHOTS: Record<string, Omit<PhotoParams, 'seed'>> = {
  mrn: {
    background: 'wood',
    pageShare: 0.8,
    offset: [0.01, 0.02],
    rotate: -4,
    tilt: 0.08,
    skew: 0.02,
    light: { angle: 20, min: 0.62, warm: true },
    shadow: { x: 0.98, y: 0.85, rx: 0.3, ry: 0.12, angle: -0.6, strength: 0.45 },
    blur: 1.2,
    noise: 5,
    quality: 88,
    orientation: 1,
  },
  sanction: {
    background: 'fabric',
    pageShare: 0.76,
    offset: [-0.02, 0],
    rotate: 6,
    tilt: 0.1,
    skew: -0.03,
    light: { angle: 200, min: 0.55, warm: false },
    blur: 1.6,
    noise: 7,
    quality: 85,
    orientation: 6,
  },
  'wca-outcome': {
    background: 'desk',
    pageShare: 0.84,
    offset: [0, 0.01],
    rotate: -1.5,
    tilt: 0.05,
    skew: 0.04,
    light: { angle: 90, min: 0.6, warm: true },
    shadow: { x: 0.1, y: 1.02, rx: 0.32, ry: 0.16, angle: 0.4, strength: 0.5 },
    blur: 1,
    noise: 6,
    quality: 90,
    orientation: 1,
  },
  'nil-award': {
    background: 'granite',
    pageShare: 0.72,
    offset: [0.03, -0.02],
    rotate: 8,
    tilt: 0.04,
    skew: 0,
    light: { angle: 300, min: 0.78, warm: false },
    blur: 1.4,
    noise: 4,
    quality: 87,
    orientation: 1,
  },
  'claim-closed': {
    background: 'sofa',
    pageShare: 0.82,
    offset: [0, 0.02],
    rotate: -7,
    tilt: 0.12,
    skew: 0.05,
    light: { angle: 160, min: 0.58, warm: true },
    shadow: { x: 1.0, y: 0.35, rx: 0.35, ry: 0.13, angle: 2.9, strength: 0.4 },
    blur: 2,
    noise: 8,
    quality: 84,
    orientation: 8,
  },
  uc50: {
    background: 'wood',
    pageShare: 0.78,
    offset: [-0.01, 0.01],
    rotate: 2.5,
    tilt: 0.06,
    skew: -0.04,
    light: { angle: 250, min: 0.65, warm: true },
    thumb: { x: 0.27, y: 0.88 },
    blur: 1.3,
    noise: 5,
    quality: 88,
    orientation: 1,
  },
  appointment: {
    background: 'desk',
    pageShare: 0.74,
    offset: [0.02, 0],
    rotate: -3,
    tilt: 0.14,
    skew: 0,
    light: { angle: 45, min: 0.5, warm: false },
    shadow: { x: 0.85, y: 1.05, rx: 0.28, ry: 0.18, angle: -1.2, strength: 0.55 },
    blur: 1.1,
    noise: 9,
    quality: 86,
    orientation: 1,
  },
  assessment: {
    background: 'fabric',
    pageShare: 0.86,
    offset: [0, 0],
    rotate: 1,
    tilt: 0.03,
    skew: 0.02,
    light: { angle: 135, min: 0.7, warm: true },
    blur: 1.8,
    noise: 5,
    quality: 92,
    orientation: 1,
  },
  overpayment: {
    background: 'wood',
    pageShare: 0.8,
    offset: [0.01, -0.01],
    rotate: 4,
    tilt: 0.09,
    skew: 0.03,
    light: { angle: 330, min: 0.6, warm: false },
    shadow: { x: -0.05, y: 0.6, rx: 0.3, ry: 0.12, angle: 0.2, strength: 0.45 },
    blur: 1.5,
    noise: 6,
    quality: 85,
    orientation: 3,
  },
  migration: {
    background: 'sofa',
    pageShare: 0.77,
    offset: [-0.02, 0.01],
    rotate: -5,
    tilt: 0.07,
    skew: -0.02,
    light: { angle: 70, min: 0.57, warm: true },
    blur: 1.2,
    noise: 7,
    quality: 88,
    orientation: 1,
  },
  'written-reasons': {
    background: 'wood',
    pageShare: 1,
    offset: [0, 0],
    rotate: 0.8,
    tilt: 0.01,
    skew: 0,
    light: { angle: 10, min: 0.7, warm: true },
    shadow: { x: 1.02, y: 0.9, rx: 0.3, ry: 0.14, angle: -0.5, strength: 0.4 },
    blur: 1.3,
    noise: 6,
    quality: 88,
    orientation: 1,
    closeUp: true,
  },
};

export interface PhotoEntry {
  id: string;
  file: string;
  bytes: number;
  kind: Letter['kind'];
  noticeDate: string;
  deadline: string;
  why: string;
  /** The letter's words, for measuring word recall. */
  text: string;
  /** A full sheet on a surface (letter mode's size goals apply), or a close-up with no page edge. */
  fullPage: boolean;
  orientation: number;
  /** Where the page's corners are in the upright photo. */
  corners: { x: number; y: number }[];
}

export interface PhotoSet {
  dir: string;
  today: string;
  photos: PhotoEntry[];
}

function fingerprint(): string {
  const hash = createHash('sha256');
  for (const file of ['letters.ts', 'render.ts', 'photo.ts', 'generate.ts']) hash.update(readFileSync(join(HERE, file)));
  hash.update(readFileSync(resolve(HERE, '../../../src/worker/page/homography.ts')));
  return hash.digest('hex').slice(0, 12);
}

export function defaultCacheDir(): string {
  return process.env.LETTER_PHOTOS_DIR ?? resolve(HERE, '../../../node_modules/.cache/letter-photos');
}

/** Makes the photos when the cache lacks them (about 3 s each); otherwise reads the manifest. */
export async function photoSet(options: { dir?: string; log?: (line: string) => void } = {}): Promise<PhotoSet> {
  const root = options.dir ?? defaultCacheDir();
  const dir = join(root, fingerprint());
  const manifestFile = join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const set = JSON.parse(readFileSync(manifestFile, 'utf8')) as PhotoSet;
    if (set.photos.every((photo) => existsSync(join(dir, photo.file)))) return { ...set, dir };
  }
  // Older generations are dropped: only the current set is kept.
  if (existsSync(root)) for (const old of readdirSync(root)) if (old !== dir.split('/').pop()) rmSync(join(root, old), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const photos: PhotoEntry[] = [];
  for (const [index, letter] of LETTERS.entries()) {
    const shot = SHOTS[letter.id];
    if (!shot) throw new Error(`No shot for ${letter.id}`);
    const started = Date.now();
    const params: PhotoParams = { ...shot, seed: 1000 + index * 7919 };
    const jpeg = await makePhoto(await renderLetter(letter), params);
    const file = `${String(index + 1).padStart(2, '0')}-${letter.id}.jpg`;
    writeFileSync(join(dir, file), jpeg);
    options.log?.(`made ${file}: ${(jpeg.length / 1e6).toFixed(2)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    photos.push({
      id: letter.id,
      file,
      bytes: jpeg.length,
      kind: letter.kind,
      noticeDate: letter.noticeDate,
      deadline: letter.deadline,
      why: letter.why,
      text: letterText(letter),
      fullPage: !shot.closeUp,
      orientation: shot.orientation,
      corners: pageCorners(params),
    });
  }
  const set: PhotoSet = { dir, today: TODAY, photos };
  writeFileSync(manifestFile, JSON.stringify({ ...set, dir: undefined }, null, 2));
  return set;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const set = await photoSet({ log: console.log });
  console.log(`${set.photos.length} photos in ${set.dir}`);
}
