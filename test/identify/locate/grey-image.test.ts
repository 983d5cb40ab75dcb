// toGrey weighs red and blue in one multiplication: it must give Rec. 601's integer luminance for every
// red and blue, whatever the green and alpha beside them, and for pixels that start anywhere in a buffer.
// darkMask at full resolution reads "darker than the level" off a sign bit: every grey, whole and
// fractional levels.
import { describe, expect, it } from 'vitest';
import { darkMask, toGrey } from '../../../core/identify/locate/grey-image';
import type { RenderedPage } from '../../../core/pdf/render-page';

describe('toGrey', () => {
  for (const offset of [0, 3]) {
    it(`is (77 r + 150 g + 29 b) >> 8 for every red and blue (buffer offset ${offset})`, () => {
      const width = 256;
      const height = 256 * 4;
      const buffer = new Uint8ClampedArray(offset + width * height * 4);
      const data = buffer.subarray(offset);
      const expected = new Uint8Array(width * height);
      for (let i = 0; i < width * height; i++) {
        const [r, b] = [i & 255, (i >> 8) & 255];
        const g = [0, 255, (r * 7 + b) & 255, (r ^ b) & 255][i >> 16]!;
        data[i * 4] = r;
        data[i * 4 + 1] = g;
        data[i * 4 + 2] = b;
        data[i * 4 + 3] = (i * 13) & 255;
        expected[i] = (77 * r + 150 * g + 29 * b) >> 8;
      }
      const image: RenderedPage = { width, height, data };
      const grey = toGrey(image);
      expect([grey.width, grey.height, grey.data.length]).toEqual([width, height, width * height]);
      // The first pixel that differs, if any (toEqual on a million bytes takes seconds).
      expect(grey.data.findIndex((value, i) => value !== expected[i])).toBe(-1);
    });
  }
});

describe('darkMask at factor 1', () => {
  it('marks exactly the pixels darker than the level, whole or fractional', () => {
    const grey = { width: 256, height: 1, data: Uint8Array.from({ length: 256 }, (_, i) => i) };
    for (const level of [-1, 0, 0.5, 1, 99.5, 100, 128.01, 255, 255.5, 256, 300]) {
      const expected = Uint8Array.from(grey.data, (value) => (value < level ? 1 : 0));
      expect(darkMask(grey, level, 1)).toEqual({ width: 256, height: 1, data: expected });
    }
  });
});

describe('darkMask at factor 1, four pixels at a time', () => {
  it('marks the pixels below the level as one pixel at a time does, at any start and length', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    const bytes = Uint8Array.from({ length: 1031 }, random);
    for (const offset of [0, 1, 4]) {
      const grey = { width: 1027, height: 1, data: bytes.subarray(offset, offset + 1027) };
      for (const level of [NaN, -3, 0, 1, 47.2, 128, 191, 255, 256, 400]) {
        const expected = Uint8Array.from(grey.data, (value) => (value < level ? 1 : 0));
        expect(darkMask(grey, level, 1).data).toEqual(expected);
      }
    }
  });
});
