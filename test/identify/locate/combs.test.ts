// Rows of boxes found from their printed rules, whatever is written in them. Masks are
// drawn at 4 pixels a millimetre (the search's 100 dpi), rules 1 pixel thick.
import { describe, expect, it } from 'vitest';
import { findCombs, type Comb } from '../../../core/identify/locate/combs';
import type { Mask } from '../../../core/identify/locate/grey-image';

/** The page box's shape (locate-page-box.ts). */
const SHAPE = {
  scale: 4,
  minRuleMm: 3.5,
  heightMm: [5, 11] as [number, number],
  aspect: [0.5, 1.35] as [number, number],
};

function mask(
  width: number,
  height: number,
  draw: (line: (x0: number, y0: number, x1: number, y1: number) => void) => void,
): Mask {
  const data = new Uint8Array(width * height);
  // Inclusive ends: a horizontal or vertical stroke one pixel thick.
  draw((x0, y0, x1, y1) => {
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) data[y * width + x] = 1;
  });
  return { width, height, data };
}

const outline = (comb: Comb) =>
  comb.boxes.map(({ left, right, top, bottom }) => [left, right, top, bottom].map(Math.round));

/** A 7.5 × 9 mm box with a 4 written in it; framed: in a frame 1 mm above it, 3 mm below, wide apart. */
function boxWithFour(framed: boolean): Mask {
  return mask(100, 64, (line) => {
    line(50, 10, 80, 10);
    line(50, 46, 80, 46);
    line(50, 10, 50, 46);
    line(80, 10, 80, 46);
    // A 4 with hollow strokes: two uprights from the top rule down to a bar that reaches the box's side,
    // 5.25 mm below the top: with the top rule and the box's side they make two narrow boxes.
    line(61, 11, 61, 31);
    line(72, 11, 72, 38);
    line(51, 31, 74, 31);
    if (!framed) return;
    // The frame's top rule, the box's sides and its bottom rule make a taller box around the box.
    line(2, 6, 94, 6);
    line(2, 58, 94, 58);
    line(2, 6, 2, 58);
    line(94, 6, 94, 58);
  });
}

describe('findCombs', () => {
  it('finds a box, not the boxes a 4 written in it draws along its top rule and its side', () => {
    expect(findCombs(boxWithFour(false), SHAPE).map(outline)).toEqual([[[50, 80, 10, 46]]]);
  });

  it('finds a framed box, not the taller boxes its frame makes with it', () => {
    expect(findCombs(boxWithFour(true), SHAPE).map(outline)).toEqual([[[50, 80, 10, 46]]]);
  });
});
