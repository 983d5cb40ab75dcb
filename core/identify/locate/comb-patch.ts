// A comb found at low resolution, measured again at full resolution in a deskewed patch of its own: each
// rule's exact centre and thickness, and the grey of its print. The cells are then cut from this patch.
import type { Box } from './combs';
import type { GreyImage, Levels } from './grey-image';
import { fitPitch } from './pitch-fit';
import { deskewPatch, type Tilt } from './rotate';

export interface RuleLook {
  /** Half the band wiped around each rule's centre, pixels: half its thickness plus anti-aliasing. */
  halfWidth: number;
  /** Grey of the rules' print (the median along them): ink must be well below it to show through. */
  level: number;
}

export interface CombPatch {
  /** Deskewed pixels around the comb, with room all round for writing that overflows its boxes. */
  patch: GreyImage;
  /** The patch's top-left corner in deskewed image coordinates. */
  x0: number;
  y0: number;
  /** The boxes, measured, in patch coordinates. */
  boxes: Box[];
  rules: RuleLook;
}

/** A vertical rule covers nearly all the rows between the horizontal ones (as in combs.ts). */
const VERTICAL_COVERAGE = 0.85;
/** A horizontal rule's rows are dark over most of the comb's width, ink or not. */
const HORIZONTAL_COVERAGE = 0.5;
/** A row darker than the paper by this fraction still shows the rule (its blurred edge). */
const FOOTPRINT_CONTRAST = 0.06;
/** The share of a row's pixels that must be darkened for the row to show the rule. */
const MARKED_SHARE = 0.2;
/** How far writing may overflow a box and still be kept, as a fraction of its height. */
export const OVERFLOW = 0.45;

/**
 * `approx`: the comb's boxes in deskewed image coordinates, each rule within `slack` pixels of where it
 * really is and about `ruleWidth` pixels thick.
 */
export function combPatch(
  grey: GreyImage,
  tilt: Tilt,
  approx: readonly Box[],
  ruleWidth: number,
  slack: number,
  levels: Levels,
): CombPatch {
  const first = approx[0] as Box;
  const last = approx[approx.length - 1] as Box;
  const margin = Math.ceil(slack + ruleWidth + 4 + OVERFLOW * (first.bottom - first.top));
  const x0 = Math.floor(first.left) - margin;
  const y0 = Math.floor(Math.min(first.top, last.top)) - margin;
  const width = Math.ceil(last.right) + margin - x0 + 1;
  const height = Math.ceil(Math.max(first.bottom, last.bottom)) + margin - y0 + 1;
  const patch = deskewPatch(grey, tilt, x0, y0, width, height, levels.paper);
  const reach = Math.ceil(slack + ruleWidth);
  const isDark = (x: number, y: number) => (patch.data[y * width + x] as number) < levels.dark;

  const rowRule = (y: number) => horizontalRule(isDark, y - y0, first.left - x0, last.right - x0, reach);
  const top = rowRule(first.top);
  const bottom = rowRule(first.bottom);
  const topY = top?.centre ?? first.top - y0;
  const bottomY = bottom?.centre ?? first.bottom - y0;
  const halfWidth = Math.max(
    ...[topY, bottomY].map((y) => footprint(patch, y, first.left - x0, last.right - x0, levels.paper, reach)),
  );
  const band = { from: Math.ceil(topY + halfWidth), to: Math.floor(bottomY - halfWidth) };
  const approxEdges = [first.left, ...approx.map((box) => box.right)].map((x) => x - x0);
  const verticals = approxEdges.map((x) => verticalRule(isDark, x, band, reach));
  // The comb is printed exactly, while one rule may be pulled by ink pressed against it or be hidden:
  // the edges are the straight pitch through those measured (the low-resolution ones if too few were).
  const measured = verticals.flatMap((rule, k) => (rule ? [[k, rule.centre] as const] : []));
  const edges = measured.length >= 2 ? fitPitch(measured, approxEdges.length) : approxEdges;
  // What deskewing left of the tilt, and paper that is not flat, move a long comb's rules by a pixel or
  // two along it: each box's top and bottom are measured over its own columns, then straightened.
  const along = (y: number) => {
    const local = approx.map((_, k) =>
      horizontalRule(isDark, y, edges[k] as number, edges[k + 1] as number, Math.ceil(halfWidth) + 1),
    );
    const found = local.flatMap((rule, k) => (rule ? [[k, rule.centre] as const] : []));
    return found.length >= 2 ? fitPitch(found, approx.length) : approx.map(() => y);
  };
  const tops = along(topY);
  const bottoms = along(bottomY);
  const boxes = approx.map((_, k) => ({
    left: edges[k] as number,
    right: edges[k + 1] as number,
    top: tops[k] as number,
    bottom: bottoms[k] as number,
  }));
  return {
    patch,
    x0,
    y0,
    boxes,
    rules: { halfWidth, level: printLevel(patch, boxes) },
  };
}

interface MeasuredRule {
  centre: number;
}

/** The rows near `y` that are dark across most columns `from`..`to`: their centroid. */
function horizontalRule(
  isDark: (x: number, y: number) => boolean,
  y: number,
  from: number,
  to: number,
  reach: number,
): MeasuredRule | null {
  const columns = Math.round(to) - Math.round(from) + 1;
  let weight = 0;
  let weighted = 0;
  for (let row = Math.round(y - reach); row <= Math.round(y + reach); row++) {
    let dark = 0;
    for (let x = Math.round(from); x <= Math.round(to); x++) if (isDark(x, row)) dark++;
    const coverage = dark / columns;
    if (coverage >= HORIZONTAL_COVERAGE) {
      weight += coverage;
      weighted += coverage * row;
    }
  }
  return weight > 0 ? { centre: weighted / weight } : null;
}

/** The dark columns near `x` spanning the band between the horizontal rules, nearest group first. */
function verticalRule(
  isDark: (x: number, y: number) => boolean,
  x: number,
  band: { from: number; to: number },
  reach: number,
): MeasuredRule | null {
  const rows = band.to - band.from + 1;
  if (rows <= 0) return null;
  const groups: { weight: number; weighted: number }[] = [];
  let open = false;
  for (let column = Math.round(x - reach); column <= Math.round(x + reach); column++) {
    let dark = 0;
    for (let y = band.from; y <= band.to; y++) if (isDark(column, y)) dark++;
    const coverage = dark / rows;
    if (coverage < VERTICAL_COVERAGE) {
      open = false;
      continue;
    }
    if (!open) groups.push({ weight: 0, weighted: 0 });
    open = true;
    const group = groups[groups.length - 1] as { weight: number; weighted: number };
    group.weight += coverage;
    group.weighted += coverage * column;
  }
  const rules = groups.map((g) => ({ centre: g.weighted / g.weight }));
  rules.sort((a, b) => Math.abs(a.centre - x) - Math.abs(b.centre - x));
  return rules[0] ?? null;
}

/**
 * How far from its centre row a horizontal rule darkens the paper, pixels: its print, plus the blur of the
 * scanner, JPEG and resampling around it, and the jags of a thresholded scan (a row counts when a fifth of
 * it is darkened: the rule's jags reach that, the odd letter pressed against the rule does not). The
 * vertical rules, printed alike, blur alike.
 */
function footprint(patch: GreyImage, y: number, from: number, to: number, paper: number, reach: number) {
  const centre = Math.round(y);
  const marked = (row: number) =>
    rowQuantile(patch, row, from, to, MARKED_SHARE) < paper * (1 - FOOTPRINT_CONTRAST);
  let up = 0;
  while (up < reach && marked(centre - up - 1)) up++;
  let down = 0;
  while (down < reach && marked(centre + down + 1)) down++;
  return Math.max(up, down) + Math.abs(y - centre) + 0.5;
}

function rowQuantile(patch: GreyImage, row: number, from: number, to: number, quantile: number): number {
  const histogram = new Uint32Array(256);
  const start = row * patch.width;
  for (let x = Math.round(from); x <= Math.round(to); x++) {
    const value = patch.data[start + x] as number;
    histogram[value] = (histogram[value] as number) + 1;
  }
  return histogramQuantile(histogram, quantile);
}

function printLevel(patch: GreyImage, boxes: readonly Box[]): number {
  const histogram = new Uint32Array(256);
  const count = (x: number, y: number) => {
    const value = patch.data[Math.round(y) * patch.width + Math.round(x)] as number;
    histogram[value] = (histogram[value] as number) + 1;
  };
  for (const box of boxes) {
    for (let x = Math.ceil(box.left); x <= box.right; x++) {
      count(x, box.top);
      count(x, box.bottom);
    }
    for (let y = Math.ceil(box.top); y <= box.bottom; y++) count(box.left, y);
  }
  return histogramQuantile(histogram, 0.5);
}

function histogramQuantile(histogram: Uint32Array, quantile: number): number {
  let total = 0;
  for (const count of histogram) total += count;
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value] as number;
    if (seen >= quantile * total) return value;
  }
  return 255;
}
