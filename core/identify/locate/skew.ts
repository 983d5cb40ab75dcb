// How far the printed rows are tilted: the long horizontal box edges make the row profile of the dark
// pixels sharpest when it is taken along their true direction. Sheared projections (not rotations) are
// enough at a few degrees, and they cost one addition per dark pixel and angle.
import type { Mask } from './grey-image';
import { maskWords, nextDark } from './skip-paper';

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
  // Keep every k-th point when there are many: the profile keeps its shape.
  const keepEvery = Math.max(1, Math.ceil(points.count / MAX_POINTS));
  const kept = Math.ceil(points.count / keepEvery);
  const extent = Math.ceil(width * Math.tan(((maxDegrees + 1) * Math.PI) / 180)) + 1;
  const bins = new Int32Array(height + 2 * extent + 2);
  let angle = 0;
  for (const pass of PASSES) {
    // Every stride-th kept point: the points whose index is a multiple of `every`.
    const every = Math.max(1, Math.floor(kept / pass.points)) * keepEvery;
    const span = pass.span || maxDegrees;
    const taken = takenPoints(points, every);
    angle = bestAngle(angle - span, angle + span, pass.step, (degrees) =>
      profileSharpness(taken, degrees, pass.binRows, bins, extent),
    );
  }
  return Math.max(-maxDegrees, Math.min(maxDegrees, angle));
}

/**
 * Dark pixels with dark neighbours left and right, numbered row by row, left to right: rules are made of
 * them, while the short strokes of text and handwriting, which blur the profile, contribute few. Kept as
 * the runs they form along rows: a rule is one run, and all its points fall into a few profile bins.
 */
interface Points {
  /** Per run, top to bottom: its row, its first column and the number of its first point. */
  ys: Int32Array;
  xs: Int32Array;
  firsts: Int32Array;
  runs: number;
  /** Points in all, and the width of the mask they lie in. */
  count: number;
  width: number;
}

function horizontalPoints({ width, height, data: mask }: Mask): Points {
  let ys: Int32Array = new Int32Array(1024);
  let xs: Int32Array = new Int32Array(1024);
  let firsts: Int32Array = new Int32Array(1024);
  let runs = 0;
  let count = 0;
  const words = maskWords(mask);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const end = row + width;
    for (let i = nextDark(mask, words, row, end); i < end; i = nextDark(mask, words, i, end)) {
      const from = i;
      while (i < end && mask[i] !== 0) i++;
      // A run of dark pixels [from, i) holds the points from + 1 .. i - 2: each has both neighbours.
      if (i - from < 3) continue;
      if (runs === ys.length) {
        ys = grown(ys);
        xs = grown(xs);
        firsts = grown(firsts);
      }
      ys[runs] = y;
      xs[runs] = from - row + 1;
      firsts[runs] = count;
      runs++;
      count += i - from - 2;
    }
  }
  return { ys, xs, firsts, runs, count, width };
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * The points of a pass (those numbered by multiples of `every`), run by run: the same for every angle the
 * pass tries, so worked out once.
 */
interface Taken {
  /** Per run holding such points: its row, the column of its first such point and how many it holds. */
  ys: Int32Array;
  xs: Int32Array;
  counts: Int32Array;
  runs: number;
  every: number;
  /** The rows of the first and last run of all the points, and the mask's width: the bins they can reach. */
  top: number;
  bottom: number;
  width: number;
}

function takenPoints(points: Points, every: number): Taken {
  const { ys, xs, firsts } = points;
  const taken: Taken = {
    ys: new Int32Array(points.runs),
    xs: new Int32Array(points.runs),
    counts: new Int32Array(points.runs),
    runs: 0,
    every,
    top: ys[0] ?? 0,
    bottom: ys[Math.max(0, points.runs - 1)] ?? 0,
    width: points.width,
  };
  for (let r = 0; r < points.runs; r++) {
    const first = firsts[r] as number;
    const end = r + 1 < points.runs ? (firsts[r + 1] as number) : points.count;
    // The run's points taken, `every` apart: their columns from x by `every`, n of them.
    const from = Math.ceil(first / every) * every;
    if (from >= end) continue;
    taken.ys[taken.runs] = ys[r] as number;
    taken.xs[taken.runs] = (xs[r] as number) + from - first;
    taken.counts[taken.runs] = Math.floor((end - 1 - from) / every) + 1;
    taken.runs++;
  }
  return taken;
}

/**
 * Sum of squared bin counts of the sheared row profile of the points taken: largest when lines fall into
 * single rows. `bins` is all zeros on entry and is left so: only the bins the points can reach are counted
 * and cleared, one to spare either way against rounding.
 */
function profileSharpness(
  taken: Taken,
  degrees: number,
  binRows: number,
  bins: Int32Array,
  offset: number,
): number {
  if (taken.runs === 0) return 0;
  const slope = Math.tan((degrees * Math.PI) / 180);
  const { ys, xs, counts, every, width } = taken;
  // `offset` keeps the value positive, so truncating after adding a half rounds it. binRows is 1, 2 or
  // 4: multiplying by its inverse is dividing, to the last bit.
  const shift = offset + 0.5;
  const perBin = 1 / binRows;
  for (let r = 0; r < taken.runs; r++) {
    const y = ys[r] as number;
    let x = xs[r] as number;
    let n = counts[r] as number;
    // The bin falls (or rises) with the column, never back: each bin's share of the run is a stretch of
    // it, found by halving, for the same bins as point by point.
    while (n > 0) {
      const bin = ((y - x * slope + shift) * perBin) | 0;
      let same = n - 1;
      if ((((y - (x + same * every) * slope + shift) * perBin) | 0) !== bin) {
        let low = 0;
        while (same - low > 1) {
          const middle = (low + same) >> 1;
          if ((((y - (x + middle * every) * slope + shift) * perBin) | 0) === bin) low = middle;
          else same = middle;
        }
        same = low;
      }
      bins[bin] = (bins[bin] as number) + same + 1;
      x += (same + 1) * every;
      n -= same + 1;
    }
  }
  const lowest = taken.top - Math.max(0, width * slope) + shift;
  const highest = taken.bottom - Math.min(0, width * slope) + shift;
  const from = Math.max(0, Math.floor(lowest * perBin) - 1);
  const to = Math.min(bins.length - 1, Math.ceil(highest * perBin) + 1);
  let sum = 0;
  for (let b = from; b <= to; b++) {
    const count = bins[b] as number;
    sum += count * count;
    bins[b] = 0;
  }
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
