import { describe, expect, it } from 'vitest';
import sharp, { type Sharp } from 'sharp';
import { exifOrientation, fitWithin, orientedSize, sniffSize } from '../../../src/worker/image/sniff';

const head = async (image: Sharp) => new Uint8Array(await image.toBuffer());
const base = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } });

describe('sniffing image headers', () => {
  it('reads the stored size of JPEG, PNG and WebP', async () => {
    for (const image of [base().jpeg(), base().png(), base().webp(), base().webp({ lossless: true })]) {
      expect(sniffSize(await head(image))).toEqual({ width: 40, height: 30 });
    }
    expect(sniffSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it("reads a JPEG's EXIF orientation, and 1 when there is none", async () => {
    expect(exifOrientation(await head(base().jpeg().withMetadata({ orientation: 6 })))).toBe(6);
    expect(exifOrientation(await head(base().jpeg().withMetadata({ orientation: 3 })))).toBe(3);
    expect(exifOrientation(await head(base().jpeg()))).toBe(1);
    expect(exifOrientation(await head(base().png()))).toBe(1);
  });

  it('turns the size for orientations 5 to 8, and fits within a long side and a pixel count', () => {
    expect(orientedSize({ width: 4000, height: 3000 }, 6)).toEqual({ width: 3000, height: 4000 });
    expect(orientedSize({ width: 4000, height: 3000 }, 3)).toEqual({ width: 4000, height: 3000 });
    expect(fitWithin({ width: 4000, height: 3000 }, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin({ width: 3000, height: 4000 }, Infinity, 8_000_000)).toEqual({ width: 2449, height: 3266 });
    expect(fitWithin({ width: 800, height: 600 }, 1600)).toEqual({ width: 800, height: 600 });
  });
});
