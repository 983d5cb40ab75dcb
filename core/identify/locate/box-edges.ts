// Where the vertical rules of a comb are, given the dark columns found between its horizontal rules: some
// are rules, some are the uprights of letters, and a rule may be missing under heavy ink.
import { fitPitch } from './pitch-fit';

/** How far from where the pitch puts it a vertical rule may be, as a fraction of the pitch. */
const PITCH_TOLERANCE = 0.2;
/** Weight of the rules' distance from their fitted pitch against the ends' (see regularEdges). */
const RESIDUAL = 2;
/** Spacings this close (a fraction of the spacing) vote for the same pitch. */
const PITCH_AGREEMENT = 0.05;

/**
 * The box edges: rules one pitch apart. Two readings are weighed: the pitch that divides the horizontal
 * rules' length into whole boxes (they stop where the comb does), and the longest chain of rules one
 * common spacing apart (for when ink touching a rule's end lengthens it). A rule hidden or broken (heavy
 * ink, a faint scan) is put where the pitch says; a dark column off the pitch (a letter's upright) is not
 * a rule. The reading matching more rules wins, then the one fitting the rules' ends and its own rules
 * best (a frame's upright just past a comb's last box runs the horizontal rules on to it, and a reading
 * through that upright fits the ends but not its rules); its edges are refitted to one straight pitch,
 * since the comb is printed exactly and single measurements wobble. A
 * reading that matches no inner rule at all is no comb (a frame, found by its two ends).
 */
export function regularEdges(
  candidates: number[],
  x0: number,
  x1: number,
  minPitch: number,
  maxPitch: number,
) {
  const readings: Reading[] = [];
  for (let n = Math.max(1, Math.ceil((x1 - x0) / maxPitch)); (x1 - x0) / n >= minPitch; n++) {
    readings.push(gridReading(candidates, x0, (x1 - x0) / n, n));
  }
  const pitch = likeliestPitch(candidates, minPitch, maxPitch);
  if (pitch !== undefined) {
    for (const seed of candidates) {
      if (seed >= x0 - PITCH_TOLERANCE * pitch) readings.push(chainFrom(seed, candidates, pitch, x1));
    }
  }
  let best: number[] = [];
  let bestMatched = 1;
  let bestMisfit = Infinity;
  for (const { matched, count } of readings) {
    if (matched.length < bestMatched) continue;
    // Boxes all of whose inner rules are missing are one wide box: a frame around something, not a comb.
    if (count > 2 && !matched.some(([k]) => k > 0 && k < count - 1)) continue;
    const edges = fitPitch(matched, count);
    const residual = matched.reduce((sum, [k, x]) => sum + Math.abs(x - (edges[k] as number)), 0);
    const misfit =
      Math.abs((edges[0] as number) - x0) + Math.abs((edges[count - 1] as number) - x1) + RESIDUAL * residual;
    if (matched.length > bestMatched || misfit < bestMisfit) {
      best = edges;
      bestMatched = matched.length;
      bestMisfit = misfit;
    }
  }
  return best;
}

/** Rules matched as (index, x), of `count` edges in all. */
interface Reading {
  matched: [number, number][];
  count: number;
}

function gridReading(candidates: number[], x0: number, pitch: number, boxes: number): Reading {
  const tolerance = PITCH_TOLERANCE * pitch;
  const matched: [number, number][] = [];
  for (let k = 0; k <= boxes; k++) {
    const found = candidates.find((c) => Math.abs(c - (x0 + k * pitch)) <= tolerance);
    if (found !== undefined) matched.push([k, found]);
  }
  return { matched, count: boxes + 1 };
}

/**
 * The spacing most pairs of candidates agree on. Pairs, not neighbours: in a short comb full of writing,
 * the uprights of the digits may stand between every two rules.
 */
function likeliestPitch(candidates: number[], minPitch: number, maxPitch: number): number | undefined {
  const spacings: number[] = [];
  for (const [i, a] of candidates.entries()) {
    for (const b of candidates.slice(i + 1)) if (b - a >= minPitch && b - a <= maxPitch) spacings.push(b - a);
  }
  spacings.sort((a, b) => a - b);
  // Sorted, the spacings agreeing with one of them are a window around it: slide the window's ends.
  let best: number | undefined;
  let bestVotes = 0;
  let low = 0;
  let high = 0;
  let sum = 0;
  for (const spacing of spacings) {
    while (high < spacings.length && (spacings[high] as number) <= spacing * (1 + PITCH_AGREEMENT)) {
      sum += spacings[high++] as number;
    }
    while ((spacings[low] as number) < spacing * (1 - PITCH_AGREEMENT)) sum -= spacings[low++] as number;
    if (high - low > bestVotes) {
      best = sum / (high - low);
      bestVotes = high - low;
    }
  }
  return best;
}

/** Rules found walking right from `seed` a pitch at a time; ends after two misses in a row. */
function chainFrom(seed: number, candidates: number[], pitch: number, x1: number): Reading {
  const tolerance = PITCH_TOLERANCE * pitch;
  const matched: [number, number][] = [[0, seed]];
  let expected = seed;
  for (let k = 1, misses = 0; misses < 2 && expected + pitch <= x1 + tolerance; k++) {
    expected += pitch;
    const found = candidates.find((c) => Math.abs(c - expected) <= tolerance);
    if (found === undefined) {
      misses++;
      continue;
    }
    matched.push([k, found]);
    expected = found;
    misses = 0;
  }
  return { matched, count: (matched[matched.length - 1] as [number, number])[0] + 1 };
}
