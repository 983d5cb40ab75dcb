// Rows of boxes ("combs"): two horizontal rules joined by vertical rules at a regular pitch. Found from
// the rules alone, so the printed layout may sit anywhere; ink in the boxes neither makes nor breaks one.
import type { Mask } from './grey-image';
import { findHorizontalLines, type HorizontalLine } from './horizontal-lines';
import { regularEdges } from './box-edges';

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
 * taller (ink is inside the boxes). A comb drawn by ink inside one box — a digit's bar under the box's top
 * rule, its uprights against the box's side — is not printed, however many boxes its strokes make.
 */
function withoutOverlaps(all: Candidate[]): Comb[] {
  const candidates = all.filter((candidate) => !all.some((other) => inOneBox(candidate, other)));
  const kept: Comb[] = [];
  const rank = (candidate: Candidate) => {
    const box = candidate.comb.boxes[0] as Box;
    return {
      boxes: candidate.comb.boxes.length,
      runsOn: runsOn(candidate) ? 1 : 0,
      height: box.bottom - box.top,
    };
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

function runsOn({ comb, overhang }: Candidate): boolean {
  const box = comb.boxes[0] as Box;
  return overhang > RUN_ON * (box.right - box.left);
}

/**
 * `inner` lies within one box of `outer` and runs along that box's top or bottom rule: ink written in the
 * box, along its rule. `outer` must look printed, its rules stopping where its boxes do: a frame's rule
 * with a box's makes a taller box around the box, on the box's rule too. (A frame around a comb is printed
 * apart from it, on rules of its own.)
 */
function inOneBox(inner: Candidate, outer: Candidate): boolean {
  if (inner === outer || (inner.top !== outer.top && inner.bottom !== outer.bottom)) return false;
  if (runsOn(outer)) return false;
  const slack = outer.comb.lineWidth;
  const a = bounds(inner.comb);
  const b = bounds(outer.comb);
  if (a.top < b.top - slack || a.bottom > b.bottom + slack) return false;
  return outer.comb.boxes.some((box) => a.left >= box.left - slack && a.right <= box.right + slack);
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
  /** The two rules it lies between. */
  top: HorizontalLine;
  bottom: HorizontalLine;
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
  const lineWidth = widths.reduce((a, b) => a + b, 0) / widths.length;
  return { comb: { boxes, lineWidth }, top, bottom, overhang };
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
  { width, height, data }: Mask,
  x: number,
  top: HorizontalLine,
  bottom: HorizontalLine,
): number {
  const y0 = Math.max(0, Math.ceil(top.y + top.thickness / 2 + 1));
  const y1 = Math.min(height - 1, Math.floor(bottom.y - bottom.thickness / 2 - 1));
  if (y1 < y0) return 0;
  let dark = 0;
  for (let y = y0; y <= y1; y++) dark += data[y * width + x] as number;
  return dark / (y1 - y0 + 1);
}
