// `npm run bench:image`: letter mode on the generated photos of letters
// (tests/support/letter-photos), side by side in one run:
//   - bytes of letter mode (the cleaned page as sent),
//   - bytes of a WhatsApp-style JPEG (long side 1600 px, quality 75),
//   - their ratio,
//   - tesseract word recall on the original photo and on the cleaned page,
//     and the ratio of the two,
//   - how long cleaning took here (Node; the browser test times Chromium).
// Goals (issue 13), on full-page photos: ≤ 100 KB, recall ≥ 0.95 × the
// photo's, bytes ≤ 0.5 × the JPEG's. Exits 1 when a goal is missed.
import sharp from 'sharp';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { photoSet } from '../support/letter-photos/generate';
import { decodePhoto, hasTesseract, nodeDeflate, tesseractText, wordRecall } from '../support/page-tools';
import { cleanPhoto } from '../../src/worker/page/clean-page';
import { encodeInkPng } from '../../src/worker/page/png';

const GOAL_BYTES = 100 * 1024;
const GOAL_RECALL_RATIO = 0.95;
const GOAL_SIZE_RATIO = 0.5;

if (!hasTesseract()) {
  console.error('tesseract is missing: apt-get install -y tesseract-ocr');
  process.exit(1);
}

const set = await photoSet({ log: (line) => console.log(line) });
const temp = mkdtempSync(join(tmpdir(), 'bench-image-'));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

interface Row {
  id: string;
  fullPage: boolean;
  cleaned: boolean;
  letterBytes: number;
  jpegBytes: number;
  recallPhoto: number;
  recallLetter: number;
  cleanMs: number;
}
const rows: Row[] = [];

console.log(`\n${set.photos.length} photos, 12 MP each (${set.dir})\n`);
console.log('photo               page  letter KB  jpeg KB  ratio  recall photo  recall letter  recall ratio  clean ms');
for (const photo of set.photos) {
  const path = join(set.dir, photo.file);
  const started = performance.now();
  const rgba = await decodePhoto(path);
  const page = cleanPhoto(rgba.data, rgba.width, rgba.height);
  let letter: Buffer;
  if (page) letter = Buffer.from(await encodeInkPng(page, nodeDeflate));
  else {
    // No page found: today's path (greyscale WebP, long side 1600 px).
    letter = await sharp(path).rotate().resize(1600, 1600, { fit: 'inside' }).greyscale().normalise().webp({ quality: 70 }).toBuffer();
  }
  const cleanMs = performance.now() - started;
  const jpeg = await sharp(path).rotate().resize(1600, 1600, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();

  // tesseract reads what a person would see: the photo upright.
  const upright = join(temp, `${photo.id}-photo.png`);
  await sharp(path).rotate().png({ compressionLevel: 1 }).toFile(upright);
  const letterFile = join(temp, `${photo.id}-letter.png`);
  await sharp(letter).png().toFile(letterFile);
  const [photoText, letterText] = [await tesseractText(upright), await tesseractText(letterFile)];
  writeFileSync(join(temp, `${photo.id}-letter.txt`), letterText);
  const row: Row = {
    id: photo.id,
    fullPage: photo.fullPage,
    cleaned: page !== null,
    letterBytes: letter.length,
    jpegBytes: jpeg.length,
    recallPhoto: wordRecall(photo.text, photoText),
    recallLetter: wordRecall(photo.text, letterText),
    cleanMs,
  };
  rows.push(row);
  console.log(
    [
      photo.id.padEnd(18),
      (row.cleaned ? 'found' : 'none').padStart(5),
      kb(row.letterBytes).padStart(10),
      kb(row.jpegBytes).padStart(8),
      (row.letterBytes / row.jpegBytes).toFixed(2).padStart(6),
      row.recallPhoto.toFixed(3).padStart(13),
      row.recallLetter.toFixed(3).padStart(14),
      (row.recallLetter / row.recallPhoto).toFixed(3).padStart(13),
      row.cleanMs.toFixed(0).padStart(9),
    ].join(' '),
  );
}
rmSync(temp, { recursive: true, force: true });

const full = rows.filter((row) => row.fullPage);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const failures: string[] = [];
for (const row of full) {
  if (!row.cleaned) failures.push(`${row.id}: no page found`);
  if (row.letterBytes > GOAL_BYTES) failures.push(`${row.id}: ${kb(row.letterBytes)} KB > 100 KB`);
  if (row.letterBytes > GOAL_SIZE_RATIO * row.jpegBytes) failures.push(`${row.id}: ${(row.letterBytes / row.jpegBytes).toFixed(2)} of the JPEG > 0.5`);
  if (row.recallLetter < GOAL_RECALL_RATIO * row.recallPhoto) failures.push(`${row.id}: recall ratio ${(row.recallLetter / row.recallPhoto).toFixed(3)} < 0.95`);
}
console.log(`\nfull-page photos: ${full.length}, page found in ${full.filter((r) => r.cleaned).length}`);
console.log(`letter mode: mean ${kb(mean(full.map((r) => r.letterBytes)))} KB, max ${kb(Math.max(...full.map((r) => r.letterBytes)))} KB (goal ≤ 100 KB)`);
console.log(
  `WhatsApp-style JPEG: mean ${kb(mean(full.map((r) => r.jpegBytes)))} KB; letter/JPEG mean ${mean(full.map((r) => r.letterBytes / r.jpegBytes)).toFixed(2)}, max ${Math.max(...full.map((r) => r.letterBytes / r.jpegBytes)).toFixed(2)} (goal ≤ 0.50)`,
);
console.log(
  `word recall: photo mean ${mean(full.map((r) => r.recallPhoto)).toFixed(3)}, letter mean ${mean(full.map((r) => r.recallLetter)).toFixed(3)}; ratio min ${Math.min(...full.map((r) => r.recallLetter / r.recallPhoto)).toFixed(3)} (goal ≥ 0.95)`,
);
console.log(
  `cleaning (decode + clean + PNG, Node): mean ${mean(rows.map((r) => r.cleanMs)).toFixed(0)} ms, max ${Math.max(...rows.map((r) => r.cleanMs)).toFixed(0)} ms`,
);
const closeUps = rows.filter((row) => !row.fullPage);
for (const row of closeUps)
  console.log(`close-up ${row.id}: ${row.cleaned ? 'cleaned' : "no page edge, today's path"}, ${kb(row.letterBytes)} KB, recall ${row.recallLetter.toFixed(3)}`);
console.log(failures.length ? `\nGOALS MISSED:\n  ${failures.join('\n  ')}` : '\nall goals met');
process.exit(failures.length ? 1 : 0);
