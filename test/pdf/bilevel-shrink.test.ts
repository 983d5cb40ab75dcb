// A deflated 1-bit image shrunk by a whole factor straight from its packed bits (bilevel-shrink.ts) must give
// each block the share of its samples that libtiff decodes white, whichever sample value is white, with
// partial blocks along an odd edge and the pad bits at the end of each row ignored.
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { shrinkBilevel } from '../../core/pdf/bilevel-shrink';
import { bilevelTiff, type BilevelBits, type Photometric } from '../../core/pdf/bilevel-tiff';

/** Seeded rows of packed bits; the pad bits are random too, so a shrink that counts them fails. */
function packedRows(width: number, height: number, seed: number): Uint8Array {
  const rows = new Uint8Array(Math.ceil(width / 8) * height);
  let state = seed;
  for (let i = 0; i < rows.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    // Mostly one value, as a scan is mostly paper, with runs of ink.
    rows[i] = state >>> 30 === 0 ? state >>> 16 : 0xff;
  }
  return rows;
}

/** The reference: libtiff's decoded samples (0 or 255), averaged over each block and rounded, as RGBA. */
async function byLibtiff(bits: BilevelBits, factor: number) {
  const { width, height } = bits;
  const decoded = await sharp(bilevelTiff(bits)).toColourspace('b-w').raw().toBuffer();
  const [outWidth, outHeight] = [Math.ceil(width / factor), Math.ceil(height / factor)];
  // Opaque grey RGBA.
  const grey = new Uint8Array(outWidth * outHeight * 4).fill(255);
  for (let outY = 0; outY < outHeight; outY++) {
    for (let outX = 0; outX < outWidth; outX++) {
      let [sum, count] = [0, 0];
      for (let y = outY * factor; y < Math.min(height, (outY + 1) * factor); y++) {
        for (let x = outX * factor; x < Math.min(width, (outX + 1) * factor); x++) {
          sum += decoded[y * width + x]!;
          count++;
        }
      }
      grey.fill(Math.round(sum / count), (outY * outWidth + outX) * 4, (outY * outWidth + outX) * 4 + 3);
    }
  }
  return grey;
}

describe('a 1-bit image shrunk from its packed bits', () => {
  it.each([
    [1, 'black-is-zero'],
    [2, 'black-is-zero'],
    [2, 'white-is-zero'],
    [3, 'white-is-zero'],
  ] as [number, Photometric][])('by %i, %s', async (factor, photometric) => {
    for (const [width, height] of [
      [37, 23],
      [40, 24],
      [42, 9],
    ] as const) {
      const bits: BilevelBits = {
        data: deflateSync(packedRows(width, height, width * factor)),
        width,
        height,
        compression: 'deflate',
        photometric,
      };
      const shrunk = shrinkBilevel(bits, factor);
      expect([shrunk.width, shrunk.height, shrunk.channels]).toEqual([
        Math.ceil(width / factor),
        Math.ceil(height / factor),
        4,
      ]);
      expect(shrunk.data, `${width} × ${height}`).toEqual(await byLibtiff(bits, factor));
    }
  });

  it('leaves Group 4 data to libtiff and refuses data shorter than the image', () => {
    const bits: BilevelBits = {
      data: deflateSync(new Uint8Array(10)),
      width: 16,
      height: 8,
      compression: 'deflate',
      photometric: 'black-is-zero',
    };
    expect(() => shrinkBilevel(bits, 2)).toThrow(/holds 10 bytes, not 16/);
    expect(() => shrinkBilevel({ ...bits, compression: 'group-4' }, 2)).toThrow(/libtiff/);
  });
});
