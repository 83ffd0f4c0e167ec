// Reads an image's size and EXIF orientation from its first bytes, without
// decoding it: refuses decompression bombs before the browser allocates a
// full-size bitmap, and lets the worker decode once, already scaled.

export interface Size {
  width: number;
  height: number;
}

const at = (b: Uint8Array, i: number): number => b[i] ?? 0;
const be16 = (b: Uint8Array, i: number): number => (at(b, i) << 8) | at(b, i + 1);
const le16 = (b: Uint8Array, i: number): number => at(b, i) | (at(b, i + 1) << 8);
const le24 = (b: Uint8Array, i: number): number => at(b, i) | (at(b, i + 1) << 8) | (at(b, i + 2) << 16);
const ascii = (b: Uint8Array, i: number, s: string): boolean => [...s].every((c, k) => at(b, i + k) === c.charCodeAt(0));

/** Stored (not oriented) width and height of a PNG, GIF, WebP or JPEG; null when unknown. */
export function sniffSize(b: Uint8Array): Size | null {
  // PNG: IHDR is always the first chunk.
  if (ascii(b, 1, 'PNG') && at(b, 0) === 0x89 && ascii(b, 12, 'IHDR')) {
    const width = ((at(b, 16) << 24) | (at(b, 17) << 16) | (at(b, 18) << 8) | at(b, 19)) >>> 0;
    const height = ((at(b, 20) << 24) | (at(b, 21) << 16) | (at(b, 22) << 8) | at(b, 23)) >>> 0;
    return { width, height };
  }
  // GIF: logical screen size.
  if (ascii(b, 0, 'GIF8')) return { width: le16(b, 6), height: le16(b, 8) };
  // WebP: simple lossy, lossless or extended.
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) {
    if (ascii(b, 12, 'VP8X')) return { width: le24(b, 24) + 1, height: le24(b, 27) + 1 };
    if (ascii(b, 12, 'VP8L')) {
      const bits = (at(b, 21) | (at(b, 22) << 8) | (at(b, 23) << 16) | (at(b, 24) << 24)) >>> 0;
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (ascii(b, 12, 'VP8 ')) return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
    return null;
  }
  // JPEG: walk the markers to the first start-of-frame.
  if (at(b, 0) === 0xff && at(b, 1) === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (at(b, i) !== 0xff) return null;
      const marker = at(b, i + 1);
      if (marker === 0xff) {
        i += 1;
        continue;
      }
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) return { width: be16(b, i + 7), height: be16(b, i + 5) };
      if (marker === 0xd9 || marker === 0xda) return null;
      i += 2 + be16(b, i + 2);
    }
  }
  return null;
}

/** The EXIF orientation (1 to 8) of a JPEG; 1 when there is none. */
export function exifOrientation(b: Uint8Array): number {
  if (at(b, 0) !== 0xff || at(b, 1) !== 0xd8) return 1;
  let i = 2;
  while (i + 4 < b.length && at(b, i) === 0xff) {
    const marker = at(b, i + 1);
    const length = be16(b, i + 2);
    if (marker === 0xda || marker === 0xd9) return 1;
    if (marker === 0xe1 && ascii(b, i + 4, 'Exif\0\0')) {
      const tiff = i + 10;
      const little = ascii(b, tiff, 'II');
      const u16 = (k: number) => (little ? le16(b, k) : be16(b, k));
      const u32 = (k: number) => (little ? (le16(b, k) | (le16(b, k + 2) << 16)) >>> 0 : ((be16(b, k) << 16) | be16(b, k + 2)) >>> 0);
      const ifd = tiff + u32(tiff + 4);
      const entries = u16(ifd);
      for (let e = 0; e < entries; e++) {
        const entry = ifd + 2 + e * 12;
        if (entry + 12 > b.length) break;
        if (u16(entry) === 0x0112) {
          const value = u16(entry + 8);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    }
    i += 2 + length;
  }
  return 1;
}

/** The size as shown: orientations 5 to 8 turn the picture a quarter. */
export function orientedSize(size: Size, orientation: number): Size {
  return orientation >= 5 ? { width: size.height, height: size.width } : size;
}

/** Scaled to fit a long side and a pixel count (never enlarged). */
export function fitWithin(size: Size, longSide: number, maxPixels = Infinity): Size {
  const scale = Math.min(1, longSide / Math.max(size.width, size.height), Math.sqrt(maxPixels / (size.width * size.height)));
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}
