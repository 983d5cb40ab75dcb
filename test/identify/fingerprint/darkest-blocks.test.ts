// One pass over the side's grey gives the fingerprint what measureLevels and two darkMasks gave: the same
// levels and the same masks, to the pixel.
import { describe, expect, it } from 'vitest';
import { blocksBelow, darkestBlocks } from '../../../core/identify/fingerprint/darkest-blocks';
import { darkMask, measureLevels, toGrey } from '../../../core/identify/locate/grey-image';
import type { RenderedPage } from '../../../core/pdf/render-page';

/** Paper with dark specks, in odd sizes so that blocks round; `offset` bytes into its buffer. */
function speckled(width: number, height: number, offset: number): RenderedPage {
  const buffer = new Uint8ClampedArray(offset + width * height * 4);
  const data = buffer.subarray(offset);
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  for (let i = 0; i < data.length; i++) data[i] = 200 + (next() % 50) - (next() < 20 ? 150 : 0);
  return { width, height, data };
}

describe('darkestBlocks', () => {
  for (const offset of [0, 1]) {
    it(`gives measureLevels' levels and darkMask's masks (buffer offset ${offset})`, () => {
      const image = speckled(101, 37, offset);
      const grey = toGrey(image);
      const levels = measureLevels(grey);
      for (const factor of [1, 2, 3, 4, 5]) {
        const blocks = darkestBlocks(grey, factor);
        expect(blocks.levels).toEqual(levels);
        for (const level of [levels.dark, Math.round(levels.paper * 0.55), 120])
          expect(blocksBelow(blocks, level)).toEqual(darkMask(grey, level, factor));
      }
    });
  }
});
