// A 1-bit greyscale PNG of the cleaned page: one bit a pixel before
// compression, readable by every browser and printer. The deflate step is
// passed in (CompressionStream in a worker, zlib in Node).
import type { InkImage } from './types';

export type Deflate = (data: Uint8Array) => Promise<Uint8Array>;

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** Rows of packed bits, each after a filter byte of 0: bit 1 is white paper, 0 is ink. */
export function packRows(image: InkImage): Uint8Array {
  const { width, height, ink } = image;
  const stride = 1 + Math.ceil(width / 8);
  const raw = new Uint8Array(stride * height).fill(0xff);
  for (let y = 0; y < height; y++) {
    const o = y * stride;
    raw[o] = 0;
    const r = y * width;
    for (let x = 0; x < width; x++) if (ink[r + x]) raw[o + 1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
  }
  return raw;
}

/** `pageWidthMm` records the print size (A4 is 210 mm wide). */
export async function encodeInkPng(image: InkImage, deflate: Deflate, pageWidthMm = 210): Promise<Uint8Array> {
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, image.width);
  hv.setUint32(4, image.height);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const density = new Uint8Array(9);
  const dv = new DataView(density.buffer);
  const perMetre = Math.round(image.width / (pageWidthMm / 1000));
  dv.setUint32(0, perMetre);
  dv.setUint32(4, perMetre);
  density[8] = 1; // unit: metre
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('pHYs', density),
    chunk('IDAT', await deflate(packRows(image))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
