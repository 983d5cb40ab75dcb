// A comb's boxes cut into clean cells, each the inside of its box between the rules that part it from its
// neighbours. The comb's top and bottom rules are wiped, except where writing shows on them: a pixel
// clearly darker than the rule's print (coloured or black ink over a grey rule), or ink on both sides of
// the rule (a stroke going through it). A letter written over the top or bottom rule so keeps its part
// outside the box: the cell grows to hold it. The rules between boxes are where cells are cut; what
// reaches over one from the neighbour's box (the end of its letter's stroke) is left out.
import type { CellImage } from '../types';
import { OVERFLOW, type CombPatch } from './comb-patch';
import type { Box } from './combs';
import type { GreyImage, Levels } from './grey-image';

/** Paper grain and JPEG ringing are not ink: near-white (of 255) is white. */
const NEAR_WHITE = 235;
/** Pixels darker than this (of 255) belong to a mark, with its anti-aliased edge. */
const MARK_LEVEL = 200;
/** A mark touching a side rule is the neighbour's when it stays this close to it (fraction of the width). */
const SIDE_REACH = 0.35;

export function combCells(comb: CombPatch, levels: Levels): CellImage[] {
  const clean = withoutRules(comb, levels);
  const marks = labelMarks(clean, comb.boxes, comb.rules.halfWidth);
  return comb.boxes.map((_, k) => cellOf(clean, marks, comb.boxes, k, comb.rules.halfWidth));
}

/** The patch rescaled to paper = 255, with the comb's top and bottom rules wiped where no writing is. */
function withoutRules({ patch, boxes, rules }: CombPatch, levels: Levels): GreyImage {
  const { width, height } = patch;
  const data = new Uint8Array(width * height);
  const toPaper = 255 / levels.paper;
  for (let i = 0; i < data.length; i++) {
    const value = (patch.data[i] as number) * toPaper;
    data[i] = value >= NEAR_WHITE ? 255 : value + 0.5;
  }
  const h = rules.halfWidth;
  const inkBelow = rules.level * 0.6;
  const isDark = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && (patch.data[y * width + x] as number) < levels.dark;
  for (const box of boxes) {
    for (const rule of [box.top, box.bottom]) {
      for (let x = Math.ceil(box.left - h); x <= Math.floor(box.right + h); x++) {
        if (sideDark(isDark, x, rule - h - 1, 0, -1) && sideDark(isDark, x, rule + h + 1, 0, 1)) continue;
        for (let y = Math.ceil(rule - h); y <= Math.floor(rule + h); y++) {
          if ((patch.data[y * width + x] as number) >= inkBelow) data[y * width + x] = 255;
        }
      }
    }
  }
  return { width, height, data };
}

/** Any dark pixel one or two steps outwards (dx, dy) from (x, y), or beside those. */
function sideDark(
  isDark: (x: number, y: number) => boolean,
  x: number,
  y: number,
  dx: number,
  dy: number,
): boolean {
  const px = Math.round(x);
  const py = Math.round(y);
  for (let step = 0; step < 2; step++) {
    for (let side = -1; side <= 1; side++) {
      if (isDark(px + dx * step + dy * side, py + dy * step + dx * side)) return true;
    }
  }
  return false;
}

interface Marks {
  /** Mark number of each pixel, 0 for none. */
  label: Int32Array;
  /** Per mark (index = number - 1): the box holding most of it (-1: none), and its extent in pixels. */
  owner: number[];
  bounds: Box[];
}

/**
 * 8-connected marks, each given to the box whose columns hold most of its pixels. The rules between boxes
 * part marks: two letters touching the same rule from either side stay two marks.
 */
function labelMarks(clean: GreyImage, boxes: readonly Box[], h: number): Marks {
  const { width, height, data } = clean;
  const boxOfColumn = new Int32Array(width).fill(-1);
  boxes.forEach((box, k) => {
    for (let x = Math.max(0, Math.ceil(box.left)); x < Math.min(width, box.right); x++) boxOfColumn[x] = k;
  });
  const barrier = new Uint8Array(width * height);
  const rules = [boxes[0] as Box, ...boxes].map((box, k) => ({
    x: k === 0 ? box.left : box.right,
    from: Math.max(0, Math.ceil(box.top - h)),
    to: Math.min(height - 1, Math.floor(box.bottom + h)),
  }));
  for (const rule of rules) {
    for (let y = rule.from; y <= rule.to; y++) {
      for (let x = Math.max(0, Math.ceil(rule.x - h)); x <= Math.min(width - 1, rule.x + h); x++) {
        barrier[y * width + x] = 1;
      }
    }
  }
  const isMark = (p: number) => (data[p] as number) < MARK_LEVEL && barrier[p] === 0;
  const label = new Int32Array(width * height);
  const marks: Marks = { label, owner: [], bounds: [] };
  const perBox = new Int32Array(boxes.length);
  const stack: number[] = [];
  for (let start = 0; start < label.length; start++) {
    if (label[start] !== 0 || !isMark(start)) continue;
    const number = marks.owner.length + 1;
    perBox.fill(0);
    let top = height;
    let bottom = -1;
    let left = width;
    let right = -1;
    label[start] = number;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() as number;
      const x = p % width;
      const y = (p - x) / width;
      const k = boxOfColumn[x] as number;
      if (k >= 0) perBox[k] = (perBox[k] as number) + 1;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
          const q = ny * width + nx;
          if (label[q] === 0 && isMark(q)) {
            label[q] = number;
            stack.push(q);
          }
        }
      }
    }
    let owner = -1;
    perBox.forEach((count, k) => {
      if (count > 0 && (owner < 0 || count > (perBox[owner] as number))) owner = k;
    });
    marks.owner.push(owner);
    marks.bounds.push({ left, right, top, bottom });
  }
  return marks;
}

interface Inside {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A box's pixels between the bands of its rules, the top and bottom bands included. */
function insideOf(box: Box, h: number): Inside {
  return {
    x0: Math.ceil(box.left + h),
    x1: Math.floor(box.right - h),
    y0: Math.ceil(box.top - h),
    y1: Math.floor(box.bottom + h),
  };
}

/** A mark lying against one side of a box (`side` -1: left, 1: right), staying near it. */
function hugsSide(mark: Box, inside: Inside, side: number): boolean {
  const reach = SIDE_REACH * (inside.x1 - inside.x0 + 1);
  return side < 0
    ? mark.left <= inside.x0 && mark.right < inside.x0 + reach
    : mark.right >= inside.x1 && mark.left > inside.x1 - reach;
}

/**
 * A mark lying within a rule's band, give or take the jags of a thresholded scan, is what wiping the rule
 * left of it: nobody writes along a box's edge.
 */
function onRule(mark: Box, box: Box, h: number): boolean {
  const within = (from: number, to: number, rule: number) => from >= rule - h - 2 && to <= rule + h + 2;
  return (
    within(mark.top, mark.bottom, box.top) ||
    within(mark.top, mark.bottom, box.bottom) ||
    within(mark.left, mark.right, box.left) ||
    within(mark.left, mark.right, box.right)
  );
}

/** Where writing goes through the rule between a box and the next one on `side`. */
interface Crossing {
  side: number;
  /** This box's inner column at the rule, and the other box's. */
  edge: number;
  far: number;
  /** The other box's inside. */
  next: Inside;
  /** Rows of this box's marks at the rule, each with the other box's mark met across it. */
  rows: { y: number; here: number; there: number }[];
}

function crossings(marks: Marks, width: number, height: number, boxes: readonly Box[], k: number, h: number) {
  const box = boxes[k] as Box;
  const inside = insideOf(box, h);
  const labelAt = (x: number, y: number) =>
    x >= 0 && x < width && y >= 0 && y < height ? (marks.label[y * width + x] as number) : 0;
  return [-1, 1].map((side): Crossing => {
    // Past the comb's ends, writing running on is looked for as in a box one pitch further.
    const pitch = box.right - box.left;
    const neighbour = boxes[k + side] ?? {
      ...box,
      left: box.left + side * pitch,
      right: box.right + side * pitch,
    };
    const next = insideOf(neighbour, h);
    const edge = side < 0 ? inside.x0 : inside.x1;
    const far = side < 0 ? next.x1 : next.x0;
    const rows: Crossing['rows'] = [];
    for (let y = inside.y0; y <= inside.y1; y++) {
      const here = labelAt(edge, y);
      if (here === 0) continue;
      for (let dy = -1; dy <= 1; dy++) {
        const there = labelAt(far, y + dy);
        if (there > 0) rows.push({ y, here, there });
      }
    }
    return { side, edge, far, next, rows };
  });
}

/**
 * Box `k`'s cell: its inside, with its own marks whole. Marks of other boxes become paper, and so does
 * what lies outside the box but is not its writing. Its marks may cross the top or bottom rule (the cell
 * grows up or down to hold them) or a side rule: then the mark met across it, if it lies against that
 * rule in the other box, is the rest of this box's letter (the cell grows sideways to hold it, with the
 * stroke through the rule). The other way round, a mark lying against a side rule here, met across it
 * by the neighbour's writing, is the end of the neighbour's letter and is left out.
 */
function cellOf(clean: GreyImage, marks: Marks, boxes: readonly Box[], k: number, h: number): CellImage {
  const box = boxes[k] as Box;
  const inside = insideOf(box, h);
  const labelAt = (x: number, y: number) => marks.label[y * clean.width + x] as number;
  const bounds = (number: number) => marks.bounds[number - 1] as Box;
  const sides = crossings(marks, clean.width, clean.height, boxes, k, h);
  const intruders = new Set<number>();
  for (const { side, rows } of sides) {
    if (!boxes[k + side]) continue;
    for (const { here } of rows) if (hugsSide(bounds(here), inside, side)) intruders.add(here);
  }
  // Its own marks that show inside the box (not printed text under the comb that happens to be its own).
  const kept = new Set<number>();
  for (let y = inside.y0; y <= inside.y1; y++) {
    for (let x = inside.x0; x <= inside.x1; x++) {
      const number = labelAt(x, y);
      if (
        number > 0 &&
        marks.owner[number - 1] === k &&
        !intruders.has(number) &&
        !onRule(bounds(number), box, h)
      ) {
        kept.add(number);
      }
    }
  }
  let x0 = inside.x0;
  let x1 = inside.x1;
  const bridges: { from: number; to: number; y: number }[] = [];
  for (const { side, edge, far, next, rows } of sides) {
    for (const { y, here, there } of rows) {
      if (!kept.has(here) || !hugsSide(bounds(there), next, -side)) continue;
      kept.add(there);
      x0 = Math.min(x0, bounds(there).left);
      x1 = Math.max(x1, bounds(there).right);
      bridges.push({ from: Math.min(edge, far) + 1, to: Math.max(edge, far) - 1, y });
    }
  }
  const reach = OVERFLOW * (box.bottom - box.top);
  let y0 = inside.y0;
  let y1 = inside.y1;
  for (const number of kept) {
    y0 = Math.min(y0, Math.max(bounds(number).top, Math.ceil(box.top - h - reach), 0));
    y1 = Math.max(y1, Math.min(bounds(number).bottom, Math.floor(box.bottom + h + reach), clean.height - 1));
  }
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const number = labelAt(x, y);
      const inBox = x >= inside.x0 && x <= inside.x1 && y >= inside.y0 && y <= inside.y1;
      if (number > 0 ? kept.has(number) : inBox) {
        data[(y - y0) * width + x - x0] = clean.data[y * clean.width + x] as number;
      }
    }
  }
  for (const { from, to, y } of bridges) {
    for (let x = from; x <= to; x++)
      data[(y - y0) * width + x - x0] = clean.data[y * clean.width + x] as number;
  }
  return { width, height, data };
}
