// How far the printed rows are tilted: the long horizontal box edges make the row profile of the dark
// pixels sharpest when it is taken along their true direction. Sheared projections (not rotations) are
// enough at a few degrees, and they cost one addition per dark pixel and angle.
import type { Mask } from './grey-image';

/** Beyond the ±3° a scanner's feeder lets through, with the paper's own placement on the glass on top. */
export const MAX_SKEW_DEGREES = 5;

/** Enough dark pixels to weigh a header's lines; more only costs time. */
const MAX_POINTS = 40_000;

/**
 * Coarse to fine: a wide search over few points in thick profile bins (a broad peak no step can miss),
 * then narrower searches over more points in thinner bins.
 */
const PASSES = [
  { step: 0.25, span: 0, binRows: 4, points: 6_000 },
  { step: 0.05, span: 0.3, binRows: 2, points: 15_000 },
  { step: 0.02, span: 0.06, binRows: 1, points: MAX_POINTS },
];

/**
 * The clockwise tilt of the image's horizontal lines, in degrees, within ±`maxDegrees` (y grows
 * downwards, so a line tilted clockwise by θ runs along y = y0 + x·tan θ).
 */
export function estimateSkew(mask: Mask, maxDegrees: number): number {
  const { width, height } = mask;
  const points = horizontalPoints(mask);
  const extent = Math.ceil(width * Math.tan(((maxDegrees + 1) * Math.PI) / 180)) + 1;
  const bins = new Int32Array(height + 2 * extent + 2);
  let angle = 0;
  for (const pass of PASSES) {
    const stride = Math.max(1, Math.floor(points.count / pass.points));
    const span = pass.span || maxDegrees;
    angle = bestAngle(angle - span, angle + span, pass.step, (degrees) =>
      profileSharpness(points, degrees, stride, pass.binRows, bins, extent),
    );
  }
  return Math.max(-maxDegrees, Math.min(maxDegrees, angle));
}

interface Points {
  xs: Int32Array;
  ys: Int32Array;
  count: number;
}

/**
 * Dark pixels with dark neighbours left and right: rules are made of them, while the short strokes of
 * text and handwriting, which blur the profile, contribute few.
 */
function horizontalPoints({ width, height, data: mask }: Mask): Points {
  let xs: Int32Array = new Int32Array(MAX_POINTS);
  let ys: Int32Array = new Int32Array(MAX_POINTS);
  let count = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      if ((mask[row + x - 1] as number) & (mask[row + x] as number) & (mask[row + x + 1] as number)) {
        if (count === xs.length) {
          xs = grown(xs);
          ys = grown(ys);
        }
        xs[count] = x;
        ys[count] = y;
        count++;
      }
    }
  }
  // Keep every k-th point when there are many: the profile keeps its shape.
  const keepEvery = Math.ceil(count / MAX_POINTS);
  if (keepEvery <= 1) return { xs, ys, count };
  let kept = 0;
  for (let k = 0; k < count; k += keepEvery, kept++) {
    xs[kept] = xs[k] as number;
    ys[kept] = ys[k] as number;
  }
  return { xs, ys, count: kept };
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Sum of squared bin counts of the sheared row profile: largest when lines fall into single rows. */
function profileSharpness(
  points: Points,
  degrees: number,
  stride: number,
  binRows: number,
  bins: Int32Array,
  offset: number,
): number {
  bins.fill(0);
  const slope = Math.tan((degrees * Math.PI) / 180);
  const { xs, ys } = points;
  // `offset` keeps the value positive, so truncating after adding a half rounds it.
  const shift = offset + 0.5;
  for (let k = 0; k < points.count; k += stride) {
    const bin = (((ys[k] as number) - (xs[k] as number) * slope + shift) / binRows) | 0;
    bins[bin] = (bins[bin] as number) + 1;
  }
  let sum = 0;
  for (let b = 0; b < bins.length; b++) sum += (bins[b] as number) ** 2;
  return sum;
}

function bestAngle(from: number, to: number, step: number, score: (degrees: number) => number): number {
  let best = 0;
  let bestScore = -1;
  for (let k = 0; from + k * step <= to + 1e-9; k++) {
    const angle = from + k * step;
    const value = score(angle);
    // Ties go to the angle nearest zero: an untilted image has a plateau, not a peak, at tiny angles.
    if (value > bestScore || (value === bestScore && Math.abs(angle) < Math.abs(best))) {
      best = angle;
      bestScore = value;
    }
  }
  return best;
}
