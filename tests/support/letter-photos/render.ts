// Draws a letter as a 300 dpi A4 page (2480 × 3508), laid out like a DWP
// letter: logo, office and references on the right, the address on the
// left, then headings, paragraphs, bullets and tables in Arial-like type.
import sharp from 'sharp';
import { ADDRESSEE, type Block, type Letter } from './letters';

export const PAGE_WIDTH = 2480;
export const PAGE_HEIGHT = 3508;
const LEFT = 236;
const RIGHT = PAGE_WIDTH - 236;
const FONT = 'Liberation Sans';

// Helvetica/Arial advance widths (per 1000 em) for wrapping lines.
const WIDTHS: Record<string, number> = {
  ' ': 278,
  '!': 278,
  '"': 355,
  '&': 667,
  "'": 191,
  '(': 333,
  ')': 333,
  ',': 278,
  '-': 333,
  '.': 278,
  '/': 278,
  ':': 278,
  ';': 278,
  '?': 556,
  '@': 1015,
  '£': 556,
  '•': 350,
  '–': 556,
  a: 556,
  b: 556,
  c: 500,
  d: 556,
  e: 556,
  f: 278,
  g: 556,
  h: 556,
  i: 222,
  j: 222,
  k: 500,
  l: 222,
  m: 833,
  n: 556,
  o: 556,
  p: 556,
  q: 556,
  r: 333,
  s: 500,
  t: 278,
  u: 556,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 500,
  A: 667,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 722,
  I: 278,
  J: 500,
  K: 667,
  L: 556,
  M: 833,
  N: 722,
  O: 778,
  P: 667,
  Q: 778,
  R: 722,
  S: 667,
  T: 611,
  U: 722,
  V: 667,
  W: 944,
  X: 667,
  Y: 667,
  Z: 611,
};

function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += WIDTHS[ch] ?? 556;
  return (units * size * (bold ? 1.06 : 1.0)) / 1000;
}

function wrap(text: string, size: number, width: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function letterSvg(letter: Letter): string {
  const out: string[] = [];
  const text = (x: number, y: number, size: number, content: string, weight = 'normal') =>
    out.push(`<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="#000">${escape(content)}</text>`);

  // The logo: a crest-like bar and the department's name.
  out.push(`<rect x="${LEFT}" y="150" width="14" height="150" fill="#000"/>`);
  text(LEFT + 44, 212, 60, 'Department for', 'bold');
  text(LEFT + 44, 286, 60, 'Work &amp; Pensions'.replace('&amp;', '&'), 'bold');

  // Office and references on the right.
  let y = 180;
  const column = 1420;
  for (const line of letter.office) text(column, (y += 50), 38, line);
  y += 40;
  text(column, (y += 50), 38, `Date: ${letter.date}`);
  text(column, (y += 50), 38, `Our reference: ${letter.reference}`);
  text(column, (y += 50), 38, 'National Insurance number: QQ 12 34 56 C');

  // The claimant's address, where an envelope window would show it.
  let ay = 640;
  for (const line of ADDRESSEE) text(LEFT, (ay += 58), 46, line);

  y = Math.max(y, ay) + 160;
  const width = RIGHT - LEFT;
  for (const block of letter.blocks) y = drawBlock(block, y);

  function drawBlock(block: Block, top: number): number {
    let at = top;
    switch (block.type) {
      case 'heading':
        at += 30;
        for (const line of wrap(block.text, 58, width, true)) text(LEFT, (at += 74), 58, line, 'bold');
        return at + 24;
      case 'para':
        for (const line of wrap(block.text, 46, width)) text(LEFT, (at += 62), 46, line);
        return at + 30;
      case 'bullets':
        for (const item of block.items) {
          wrap(item, 46, width - 70).forEach((line, i) => {
            at += 62;
            if (i === 0) out.push(`<circle cx="${LEFT + 18}" cy="${at - 15}" r="8" fill="#000"/>`);
            text(LEFT + 70, at, 46, line);
          });
          at += 10;
        }
        return at + 20;
      case 'table': {
        const split = LEFT + Math.round(width * 0.62);
        at += 10;
        for (const [i, row] of block.rows.entries()) {
          out.push(`<rect x="${LEFT}" y="${at}" width="${width}" height="84" fill="none" stroke="#000" stroke-width="3"/>`);
          out.push(`<line x1="${split}" y1="${at}" x2="${split}" y2="${at + 84}" stroke="#000" stroke-width="3"/>`);
          const weight = i === 0 || i === block.rows.length - 1 ? 'bold' : 'normal';
          text(LEFT + 24, at + 57, 44, row[0] ?? '', weight);
          text(split + 24, at + 57, 44, row[1] ?? '', weight);
          at += 84;
        }
        return at + 40;
      }
      case 'gap':
        return at + 40;
    }
  }

  if (y > PAGE_HEIGHT - 220) throw new Error(`Letter ${letter.id} is too long for one page (${y} px)`);
  text(LEFT, PAGE_HEIGHT - 150, 34, letter.code);
  text(RIGHT - 190, PAGE_HEIGHT - 150, 34, 'Page 1 of 1');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}"><rect width="100%" height="100%" fill="#fff"/>${out.join('')}</svg>`;
}

/** The page as one grey byte a pixel (255 white paper, 0 black ink). */
export async function renderLetter(letter: Letter): Promise<Uint8Array> {
  const { data, info } = await sharp(Buffer.from(letterSvg(letter)))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== PAGE_WIDTH || info.height !== PAGE_HEIGHT || info.channels !== 1) throw new Error('unexpected page raster');
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}
