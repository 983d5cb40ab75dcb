// Decoded samples turned, fitted to the page and widened to RGBA in JavaScript (displayed-pixels.ts) must be
// what sharp's own turn gives, pixel for pixel, and a page a pixel larger or smaller than the turned samples
// must repeat or leave out their last row and column.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { displayedRgba, type Samples } from '../../core/pdf/displayed-pixels';
import type { Rotation } from '../../core/pdf/page-geometry';

/** Seeded, so that a failure is the same on every run. */
function samples(width: number, height: number, channels: 1 | 3 | 4, seed: number): Samples {
  const data = new Uint8Array(width * height * channels);
  let state = seed;
  for (let i = 0; i < data.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    // RGBA samples are opaque.
    data[i] = channels === 4 && i % 4 === 3 ? 255 : state >>> 24;
  }
  return { data, width, height, channels };
}

/** sharp's turn, cropped or extended by repeating the last row and column, as RGBA. */
async function bySharp({ data, width, height, channels }: Samples, turn: Rotation, to: [number, number]) {
  const turned = await sharp(data, { raw: { width, height, channels } })
    .rotate(turn)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const [shownWidth, shownHeight] = [turned.info.width, turned.info.height];
  // sharp widens grey to sRGB on output.
  const shown = { width: shownWidth, height: shownHeight, channels: turned.info.channels as 3 | 4 };
  const fitted = await sharp(turned.data, { raw: shown })
    .extract({ left: 0, top: 0, width: Math.min(to[0], shownWidth), height: Math.min(to[1], shownHeight) })
    .extend({
      right: Math.max(0, to[0] - shownWidth),
      bottom: Math.max(0, to[1] - shownHeight),
      extendWith: 'copy',
    })
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer();
  return new Uint8ClampedArray(fitted);
}

describe('samples as displayed', () => {
  const turns: Rotation[] = [0, 90, 180, 270];
  it.each(turns)('turned %i, grey, colour and RGBA, are what sharp turns', async (turn) => {
    for (const channels of [1, 3, 4] as const) {
      const stored = samples(7, 5, channels, turn + channels);
      const size: [number, number] = turn % 180 ? [5, 7] : [7, 5];
      const page = displayedRgba(stored, turn, ...size);
      expect([page.width, page.height]).toEqual(size);
      expect(page.data).toEqual(await bySharp(stored, turn, size));
    }
  });

  it.each(turns)('turned %i onto a page a pixel larger or smaller each way', async (turn) => {
    const [shownWidth, shownHeight] = turn % 180 ? [9, 6] : [6, 9];
    for (const channels of [3, 4] as const) {
      const stored = samples(6, 9, channels, 40 + turn);
      for (const [dx, dy] of [
        [1, 1],
        [-1, -1],
        [1, -1],
        [-1, 2],
      ]) {
        const size: [number, number] = [shownWidth + dx!, shownHeight + dy!];
        expect(displayedRgba(stored, turn, ...size).data, `${channels}: ${dx}, ${dy}`).toEqual(
          await bySharp(stored, turn, size),
        );
      }
    }
  });
});
