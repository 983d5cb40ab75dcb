// The tilt of a mask's horizontal rules, on small drawn masks: rules drawn at a known angle among short
// strokes, a mask with more dark pixels than the estimate weighs (it keeps every k-th), and one with none.
import { describe, expect, it } from 'vitest';
import type { Mask } from '../../../core/identify/locate/grey-image';
import { estimateSkew, MAX_SKEW_DEGREES } from '../../../core/identify/locate/skew';

/** Rules `thickness` rows thick across most of the width, tilted clockwise by `degrees`, and specks. */
function ruled(width: number, height: number, degrees: number, rows: number[], thickness = 1): Mask {
  const data = new Uint8Array(width * height);
  const slope = Math.tan((degrees * Math.PI) / 180);
  for (const row of rows) {
    for (let x = Math.round(width * 0.05); x < Math.round(width * 0.95); x++) {
      for (let t = 0; t < thickness; t++) {
        const y = Math.round(row + x * slope) + t;
        if (y >= 0 && y < height) data[y * width + x] = 1;
      }
    }
  }
  // Short strokes (handwriting, text): a pixel or two wide, they add no horizontal run.
  let seed = 7;
  for (let k = 0; k < (width * height) / 200; k++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    data[seed % (width * height)] = 1;
  }
  return { width, height, data };
}

/**
 * The estimate point by point, as written before runs were counted at once: every horizontal point (a dark
 * pixel with dark neighbours left and right), every k-th kept past 40 000, binned one by one.
 */
function pointByPoint(mask: Mask, maxDegrees: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < mask.height; y++)
    for (let x = 1; x < mask.width - 1; x++) {
      const i = y * mask.width + x;
      if (mask.data[i - 1]! & mask.data[i]! & mask.data[i + 1]!) {
        xs.push(x);
        ys.push(y);
      }
    }
  const keepEvery = Math.ceil(xs.length / 40_000);
  const kept = keepEvery <= 1 ? xs.map((_, k) => k) : xs.map((_, k) => k).filter((k) => k % keepEvery === 0);
  const extent = Math.ceil(mask.width * Math.tan(((maxDegrees + 1) * Math.PI) / 180)) + 1;
  const sharpness = (degrees: number, stride: number, binRows: number) => {
    const bins = new Int32Array(mask.height + 2 * extent + 2);
    const slope = Math.tan((degrees * Math.PI) / 180);
    for (let k = 0; k < kept.length; k += stride) {
      const p = kept[k]!;
      bins[((ys[p]! - xs[p]! * slope + extent + 0.5) / binRows) | 0]! += 1;
    }
    return bins.reduce((sum, count) => sum + count * count, 0);
  };
  let angle = 0;
  for (const [step, span, binRows, points] of [
    [0.25, maxDegrees, 4, 6_000],
    [0.05, 0.3, 2, 15_000],
    [0.02, 0.06, 1, 40_000],
  ] as const) {
    const stride = Math.max(1, Math.floor(kept.length / points));
    let best = 0;
    let bestScore = -1;
    for (let k = 0; angle - span + k * step <= angle + span + 1e-9; k++) {
      const a = angle - span + k * step;
      const score = sharpness(a, stride, binRows);
      if (score > bestScore || (score === bestScore && Math.abs(a) < Math.abs(best)))
        [best, bestScore] = [a, score];
    }
    angle = best;
  }
  return Math.max(-maxDegrees, Math.min(maxDegrees, angle));
}

describe('estimateSkew', () => {
  it('gives the point-by-point estimate to the last bit', () => {
    const masks = [
      ruled(601, 240, 1.3, [30, 75, 120, 160]),
      ruled(377, 91, -3.7, [20, 50], 3),
      ruled(2000, 400, -0.8, [40, 110, 180, 250, 320], 12),
      ruled(250, 60, 0.02, [10, 30, 45], 2),
    ];
    for (const mask of masks)
      expect(estimateSkew(mask, MAX_SKEW_DEGREES)).toBe(pointByPoint(mask, MAX_SKEW_DEGREES));
  });

  for (const degrees of [0, 1.3, -2.1, 4.2])
    it(`finds rules tilted by ${degrees}°`, () => {
      const mask = ruled(601, 240, degrees, [30, 75, 120, 160]);
      expect(estimateSkew(mask, MAX_SKEW_DEGREES)).toBeCloseTo(degrees, 1);
    });

  it('finds the tilt of thick rules whose dark pixels outnumber what it weighs', () => {
    // 5 rules 12 rows thick across 1 900 columns: some 100 000 points, more than twice the 40 000 kept.
    const mask = ruled(2000, 400, -0.8, [40, 110, 180, 250, 320], 12);
    expect(estimateSkew(mask, MAX_SKEW_DEGREES)).toBeCloseTo(-0.8, 1);
  });

  it('says 0 when nothing is dark, and stays within the bound asked', () => {
    expect(estimateSkew({ width: 50, height: 20, data: new Uint8Array(1000) }, 5)).toBeCloseTo(0, 9);
    expect(Math.abs(estimateSkew(ruled(601, 240, 4.2, [60, 140]), 2))).toBeLessThanOrEqual(2);
  });
});
