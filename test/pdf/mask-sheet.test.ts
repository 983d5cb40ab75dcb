// Masks scaled on a shared sheet must each land turned as displayed, sample for sample, with gaps that keep
// their scaled edges apart; masks of different scales go on different sheets.
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bilevelTiff } from '../../core/pdf/bilevel-tiff';
import { drawMaskSheet, sheetFactor } from '../../core/pdf/mask-sheet';
import type { PageMask } from '../../core/pdf/page-mask';
import type { Rotation } from '../../core/pdf/page-geometry';

/** A mask of `width` × `height` samples, pseudo-random bits, placed at 300 dpi with its corner at (x, y) pt. */
function mask(width: number, height: number, turn: Rotation, inverted: boolean, x = 10, y = 20): PageMask {
  const rowBytes = Math.ceil(width / 8);
  const bits = Uint8Array.from({ length: rowBytes * height }, (_, i) => (i * 2654435761) >>> 24);
  const [across, down] = turn % 180 ? [height, width] : [width, height];
  return {
    data: deflateSync(bits),
    width,
    height,
    inverted,
    colour: [0, 0, 0],
    turn,
    rect: { x, y, width: (across * 72) / 300, height: (down * 72) / 300 },
  };
}

/** The mask as sharp decodes and turns it on its own: 255 where it paints. */
async function turnedAlone(m: PageMask): Promise<Buffer> {
  const tiff = bilevelTiff(m.data, m.width, m.height, m.inverted ? 'black-is-zero' : 'white-is-zero');
  return sharp(tiff).rotate(m.turn).toColourspace('b-w').raw().toBuffer();
}

describe('a sheet of masks', () => {
  it.each([0, 90, 180, 270] as const)(
    'holds each mask turned %i° as sharp turns it alone, sample for sample, inverted or not',
    async (turn) => {
      const masks = [mask(37, 23, turn, false), mask(20, 51, turn, true), mask(9, 9, turn, false)];
      const sheet = drawMaskSheet(masks, [0, 1, 2], 150 / 72);
      expect(sheet.places.map((place) => place.index).sort()).toEqual([0, 1, 2]);
      for (const place of sheet.places) {
        const alone = await turnedAlone(masks[place.index]!);
        const { left, top, displayedWidth, displayedHeight } = place;
        expect(alone.length).toBe(displayedWidth * displayedHeight);
        const cut = Buffer.alloc(alone.length);
        for (let row = 0; row < displayedHeight; row++)
          cut.set(
            sheet.data.subarray(
              (top + row) * sheet.width + left,
              (top + row) * sheet.width + left + displayedWidth,
            ),
            row * displayedWidth,
          );
        expect(cut.equals(alone)).toBe(true);
        // Corners on samples that scale to whole pixels (two samples a pixel at 300 dpi → 150 dpi).
        expect([left % 2, top % 2]).toEqual([0, 0]);
      }
      // Nothing else is drawn: the gaps stay empty.
      const painted = sheet.data.reduce((sum, value) => sum + (value ? 1 : 0), 0);
      const inMasks = (await Promise.all(masks.map(turnedAlone))).reduce(
        (sum, alone) => sum + alone.reduce((n, value) => n + (value ? 1 : 0), 0),
        0,
      );
      expect(painted).toBe(inMasks);
    },
  );

  it('masks of one scale share a sheet, whatever their turn; another scale has its own', () => {
    const scale = 150 / 72;
    expect(sheetFactor(mask(37, 23, 0, false), scale)?.key).toBe(
      sheetFactor(mask(8, 99, 270, true), scale)?.key,
    );
    const halfAgain: PageMask = {
      ...mask(40, 40, 0, false),
      rect: { x: 0, y: 0, width: 14.4, height: 14.4 },
    };
    expect(sheetFactor(halfAgain, scale)?.key).not.toBe(sheetFactor(mask(40, 40, 0, false), scale)?.key);
    // 7 samples over π points: no simple ratio, so the mask goes alone.
    expect(
      sheetFactor(
        { ...halfAgain, width: 7, height: 7, rect: { x: 0, y: 0, width: Math.PI, height: Math.PI } },
        scale,
      ),
    ).toBeUndefined();
  });
});
