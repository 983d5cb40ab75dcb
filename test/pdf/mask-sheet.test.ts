// Masks scaled on a shared sheet must each land turned as displayed, sample for sample, with gaps that keep
// their scaled edges apart; masks of different scales go on different sheets.
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bilevelTiff } from '../../core/pdf/bilevel-tiff';
import { drawMaskSheet, sheetFactor, type MaskSheet, type SheetPlace } from '../../core/pdf/mask-sheet';
import type { PageMask } from '../../core/pdf/page-mask';
import type { Rotation } from '../../core/pdf/page-geometry';
import { group4 } from './group-4';

/** Pseudo-random rows of 1-bit samples, packed. */
const rows = (width: number, height: number) =>
  Uint8Array.from({ length: Math.ceil(width / 8) * height }, (_, i) => (i * 2654435761) >>> 24);

/**
 * A deflated mask of `width` × `height` samples, pseudo-random, placed at 300 dpi with its corner at (x, y)
 * pt; a 0 sample paints unless `setPaints`.
 */
function mask(width: number, height: number, turn: Rotation, setPaints: boolean, x = 10, y = 20): PageMask {
  const [across, down] = turn % 180 ? [height, width] : [width, height];
  return {
    bits: {
      data: deflateSync(rows(width, height)),
      width,
      height,
      compression: 'deflate',
      photometric: setPaints ? 'black-is-zero' : 'white-is-zero',
    },
    colour: [0, 0, 0],
    turn,
    rect: { x, y, width: (across * 72) / 300, height: (down * 72) / 300 },
  };
}

/** The mask as sharp decodes and turns it on its own: 255 where it paints. */
const turnedAlone = (m: PageMask): Promise<Buffer> =>
  sharp(bilevelTiff(m.bits)).rotate(m.turn).toColourspace('b-w').raw().toBuffer();

/** The sheet's samples under a mask's place. */
function cutOut(sheet: MaskSheet, place: SheetPlace): Buffer {
  const { left, top, displayedWidth, displayedHeight } = place;
  const cut = Buffer.alloc(displayedWidth * displayedHeight);
  for (let row = 0; row < displayedHeight; row++) {
    const from = (top + row) * sheet.width + left;
    cut.set(sheet.data.subarray(from, from + displayedWidth), row * displayedWidth);
  }
  return cut;
}

describe('a sheet of masks', () => {
  it.each([0, 90, 180, 270] as const)(
    'holds each mask turned %i° as sharp turns it alone, sample for sample, whichever sample paints',
    async (turn) => {
      const masks = [mask(37, 23, turn, false), mask(20, 51, turn, true), mask(9, 9, turn, false)];
      const sheet = await drawMaskSheet(masks, [0, 1, 2], 150 / 72);
      expect(sheet.places.map((place) => place.index).sort()).toEqual([0, 1, 2]);
      for (const place of sheet.places) {
        const alone = await turnedAlone(masks[place.index]!);
        expect(alone.length).toBe(place.displayedWidth * place.displayedHeight);
        expect(cutOut(sheet, place).equals(alone)).toBe(true);
        // Corners on samples that scale to whole pixels (two samples a pixel at 300 dpi → 150 dpi).
        expect([place.left % 2, place.top % 2]).toEqual([0, 0]);
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

  it.each([
    [false, false],
    [false, true],
    [true, false],
    [true, true],
  ])(
    'a Group 4 mask (/BlackIs1 %s, set samples paint: %s) lands as the same samples deflated',
    async (blackIs1, setPaints) => {
      const deflated = mask(45, 31, 270, setPaints);
      // A set sample decodes white (paints) when set samples paint; Group 4's set samples are its black runs.
      const blackRunsPaint = setPaints === blackIs1;
      const fax: PageMask = {
        ...deflated,
        bits: {
          ...deflated.bits,
          data: await group4(rows(45, 31), 45, 31, blackIs1),
          compression: 'group-4',
          photometric: blackRunsPaint ? 'black-is-zero' : 'white-is-zero',
        },
      };
      const [a, b] = await Promise.all([
        drawMaskSheet([deflated], [0], 150 / 72),
        drawMaskSheet([fax], [0], 150 / 72),
      ]);
      expect(b.data.some((value) => value === 255)).toBe(true);
      expect(Buffer.from(b.data).equals(Buffer.from(a.data))).toBe(true);
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
    const odd = mask(7, 7, 0, false);
    expect(
      sheetFactor({ ...odd, rect: { x: 0, y: 0, width: Math.PI, height: Math.PI } }, scale),
    ).toBeUndefined();
  });
});
