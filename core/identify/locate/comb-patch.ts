// A comb found at low resolution, measured again at full resolution in a deskewed patch of its own: each
// rule's exact centre, how far around it the paper is darkened, and the grey of its print. The cells are
// then cut from this patch.
import type { Box } from './combs';
import type { GreyImage, Levels } from './grey-image';
import { fitPitch } from './pitch-fit';
import { deskewPatch, type Tilt } from './rotate';
import { footprint, printLevel, type RuleLook } from './rule-print';

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
  const topY = top ?? first.top - y0;
  const bottomY = bottom ?? first.bottom - y0;
  const columns = { from: first.left - x0, to: last.right - x0 };
  const halfWidth = Math.max(
    footprint(patch, topY, -1, columns, levels.paper, reach),
    footprint(patch, bottomY, 1, columns, levels.paper, reach),
  );
  const band = { from: Math.ceil(topY + halfWidth), to: Math.floor(bottomY - halfWidth) };
  const approxEdges = [first.left, ...approx.map((box) => box.right)].map((x) => x - x0);
  const verticals = approxEdges.map((x) => verticalRule(isDark, x, band, reach));
  // The comb is printed exactly, while one rule may be pulled by ink pressed against it or be hidden:
  // the edges are the straight pitch through those measured (the low-resolution ones if too few were).
  const measured = verticals.flatMap((x, k) => (x === null ? [] : [[k, x] as const]));
  const edges = measured.length >= 2 ? fitPitch(measured, approxEdges.length) : approxEdges;
  // What deskewing left of the tilt, and paper that is not flat, move a long comb's rules by a pixel or
  // two along it: each box's top and bottom are measured over its own columns, then straightened.
  const along = (y: number) => {
    const local = approx.map((_, k) =>
      horizontalRule(isDark, y, edges[k] as number, edges[k + 1] as number, Math.ceil(halfWidth) + 1),
    );
    const found = local.flatMap((centre, k) => (centre === null ? [] : [[k, centre] as const]));
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

/** The centroid of the rows near `y` that are dark across most columns `from`..`to`. */
function horizontalRule(
  isDark: (x: number, y: number) => boolean,
  y: number,
  from: number,
  to: number,
  reach: number,
): number | null {
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
  return weight > 0 ? weighted / weight : null;
}

/** The centre of the dark columns nearest `x` that span the band between the horizontal rules. */
function verticalRule(
  isDark: (x: number, y: number) => boolean,
  x: number,
  band: { from: number; to: number },
  reach: number,
): number | null {
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
  const centres = groups.map((g) => g.weighted / g.weight);
  centres.sort((a, b) => Math.abs(a - x) - Math.abs(b - x));
  return centres[0] ?? null;
}
