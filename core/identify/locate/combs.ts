// Rows of boxes ("combs"): two horizontal rules joined by vertical rules at a regular pitch. Found from
// the rules alone, so the printed layout may sit anywhere; ink in the boxes neither makes nor breaks one.
import type { Mask } from './grey-image';
import { findHorizontalLines, type HorizontalLine } from './horizontal-lines';
import { fitPitch } from './pitch-fit';

/** A box by the centres of its four rules, in the (deskewed) image's pixels. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Comb {
  boxes: Box[];
  /** Mean thickness of the rules, pixels. */
  lineWidth: number;
}

export interface CombShape {
  /** Pixels per millimetre. */
  scale: number;
  /** Shortest rule taken for a box edge, mm: shorter than one box, longer than a pen stroke. */
  minRuleMm: number;
  /** Box height range, mm. */
  heightMm: [number, number];
  /** Box width over height. */
  aspect: [number, number];
}

/** A vertical rule covers nearly all the rows between its two horizontal rules (breaks: faint scans). */
const VERTICAL_COVERAGE = 0.85;
/** How far from where the pitch puts it a vertical rule may be, as a fraction of the pitch. */
const PITCH_TOLERANCE = 0.2;
/**
 * Thicker than this, a dark band is a solid shape, not a rule; a rule with a heavy pen stroke along it
 * can come close.
 */
const MAX_RULE_MM = 2.5;
/**
 * Rules running on past a comb's ends by more than a box's width belong to something else (a frame);
 * less is ink along a rule's end (the foot of a 2).
 */
const RUN_ON = 1;
/** Spacings this close (a fraction of the spacing) vote for the same pitch. */
const PITCH_AGREEMENT = 0.05;

export function findCombs(mask: Mask, shape: CombShape): Comb[] {
  const { scale } = shape;
  const lines = findHorizontalLines(mask, shape.minRuleMm * scale, Math.round(0.5 * scale))
    .filter((line) => line.thickness <= MAX_RULE_MM * scale)
    .sort((a, b) => a.y - b.y);
  const combs: Candidate[] = [];
  for (const [i, top] of lines.entries()) {
    for (const bottom of lines.slice(i + 1)) {
      const rise = bottom.y - top.y;
      if (rise < shape.heightMm[0] * scale) continue;
      if (rise > shape.heightMm[1] * scale) break;
      const comb = combBetween(mask, top, bottom, shape);
      if (comb) combs.push(comb);
    }
  }
  return withoutOverlaps(combs);
}

/**
 * Other rules can pair with a comb's: a frame around a box makes a taller comb, and a long ink stroke
 * touching a row of boxes (the bar of a 7, a T, the foot of a 2) a shorter one. Where combs overlap, the
 * printed one has more boxes; then its rules stop where its boxes do (a frame's run on); then it is the
 * taller (ink is inside the boxes).
 */
function withoutOverlaps(candidates: Candidate[]): Comb[] {
  const kept: Comb[] = [];
  const rank = ({ comb, overhang }: Candidate) => {
    const box = comb.boxes[0] as Box;
    const runsOn = overhang > RUN_ON * (box.right - box.left) ? 1 : 0;
    return { boxes: comb.boxes.length, runsOn, height: box.bottom - box.top };
  };
  const ranked = [...candidates].sort((a, b) => {
    const p = rank(a);
    const q = rank(b);
    return q.boxes - p.boxes || p.runsOn - q.runsOn || q.height - p.height;
  });
  for (const { comb } of ranked) {
    if (!kept.some((other) => overlap(bounds(comb), bounds(other)))) kept.push(comb);
  }
  return kept;
}

function bounds(comb: Comb): Box {
  const first = comb.boxes[0] as Box;
  const last = comb.boxes[comb.boxes.length - 1] as Box;
  return {
    left: first.left,
    right: last.right,
    top: Math.min(first.top, last.top),
    bottom: Math.max(first.bottom, last.bottom),
  };
}

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

interface Candidate {
  comb: Comb;
  /** How far its two rules run past its outer boxes, pixels. */
  overhang: number;
}

function combBetween(
  mask: Mask,
  top: HorizontalLine,
  bottom: HorizontalLine,
  shape: CombShape,
): Candidate | null {
  const reach = Math.max(top.thickness, bottom.thickness);
  const x0 = Math.max(top.x0, bottom.x0);
  const x1 = Math.min(top.x1, bottom.x1);
  if (x1 - x0 < shape.minRuleMm * shape.scale) return null;
  const verticals = verticalRules(mask, top, bottom, Math.floor(x0 - reach), Math.ceil(x1 + reach));
  const rise = bottom.y - top.y;
  const edges = regularEdges(
    verticals.map((v) => v.x),
    x0,
    x1,
    shape.aspect[0] * rise,
    shape.aspect[1] * rise,
  );
  if (edges.length < 2) return null;
  const boxes: Box[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const left = edges[k] as number;
    const right = edges[k + 1] as number;
    boxes.push({ left, right, top: top.y, bottom: bottom.y });
  }
  const widths = [top.thickness, bottom.thickness, ...verticals.map((v) => v.width)];
  const first = edges[0] as number;
  const last = edges[edges.length - 1] as number;
  const overhang = [top, bottom].reduce(
    (sum, line) => sum + Math.max(0, first - line.x0) + Math.max(0, line.x1 - last),
    0,
  );
  return { comb: { boxes, lineWidth: widths.reduce((a, b) => a + b, 0) / widths.length }, overhang };
}

interface VerticalRule {
  x: number;
  width: number;
}

/** Columns between the two rules that are dark almost all the way down, grouped side by side. */
function verticalRules(
  mask: Mask,
  top: HorizontalLine,
  bottom: HorizontalLine,
  from: number,
  to: number,
): VerticalRule[] {
  const rules: VerticalRule[] = [];
  let start = -1;
  let weight = 0;
  let weighted = 0;
  for (let x = Math.max(0, from); x <= Math.min(mask.width - 1, to) + 1; x++) {
    const coverage = x < mask.width && x <= to ? columnCoverage(mask, x, top, bottom) : 0;
    if (coverage >= VERTICAL_COVERAGE) {
      if (start < 0) {
        start = x;
        weight = 0;
        weighted = 0;
      }
      weight += coverage;
      weighted += coverage * x;
    } else if (start >= 0) {
      rules.push({ x: weighted / weight, width: x - start });
      start = -1;
    }
  }
  return rules;
}

function columnCoverage(
  { width, data }: Mask,
  x: number,
  top: HorizontalLine,
  bottom: HorizontalLine,
): number {
  const y0 = Math.ceil(top.y + top.thickness / 2 + 1);
  const y1 = Math.floor(bottom.y - bottom.thickness / 2 - 1);
  if (y1 < y0) return 0;
  let dark = 0;
  for (let y = y0; y <= y1; y++) dark += data[y * width + x] as number;
  return dark / (y1 - y0 + 1);
}

/**
 * The box edges: rules one pitch apart. Two readings are weighed: the pitch that divides the horizontal
 * rules' length into whole boxes (they stop where the comb does), and the longest chain of rules one
 * common spacing apart (for when ink touching a rule's end lengthens it). A rule hidden or broken (heavy
 * ink, a faint scan) is put where the pitch says; a dark column off the pitch (a letter's upright) is not
 * a rule. The reading matching more rules wins, then the one fitting the rules' ends; its edges are
 * refitted to one straight pitch, since the comb is printed exactly and single measurements wobble.
 */
function regularEdges(candidates: number[], x0: number, x1: number, minPitch: number, maxPitch: number) {
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
    const edges = fitPitch(matched, count);
    const misfit = Math.abs((edges[0] as number) - x0) + Math.abs((edges[count - 1] as number) - x1);
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
  let best: number | undefined;
  let bestVotes = 0;
  for (const spacing of spacings) {
    const agreeing = spacings.filter((other) => Math.abs(other - spacing) <= PITCH_AGREEMENT * spacing);
    const mean = agreeing.reduce((sum, other) => sum + other, 0) / agreeing.length;
    if (agreeing.length > bestVotes) {
      best = mean;
      bestVotes = agreeing.length;
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
