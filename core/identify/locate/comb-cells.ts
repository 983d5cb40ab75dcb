// A comb's boxes cut into clean cells, each the inside of its box between the rules that part it from its
// neighbours. The top and bottom rules are wiped where no writing shows on them (wipe-rules.ts), so a
// letter written over one keeps its part outside the box: the cell grows to hold it. The rules between
// boxes are where cells are cut: what reaches over one from the neighbour's box is left out, and what
// reaches over it from this box is brought back.
import type { CellImage } from '../types';
import { OVERFLOW, type CombPatch } from './comb-patch';
import type { Box } from './combs';
import { crossings, hugsSide, insideOf } from './crossings';
import type { GreyImage, Levels } from './grey-image';
import { labelMarks, type Marks } from './marks';
import { withoutRules } from './wipe-rules';

export function combCells(comb: CombPatch, levels: Levels): CellImage[] {
  const clean = withoutRules(comb, levels);
  const marks = labelMarks(clean, comb.boxes, comb.rules.halfWidth);
  return comb.boxes.map((_, k) => cellOf(clean, marks, comb.boxes, k, comb.rules.halfWidth));
}

/**
 * A mark lying within a rule's band, give or take the jags of a thresholded scan, is what wiping the rule
 * left of it: nobody writes along a box's edge.
 */
function onRule(mark: Box, box: Box, h: number): boolean {
  return (
    withinRule(mark.top, mark.bottom, box.top, h) ||
    withinRule(mark.top, mark.bottom, box.bottom, h) ||
    withinRule(mark.left, mark.right, box.left, h) ||
    withinRule(mark.left, mark.right, box.right, h)
  );
}

const withinRule = (from: number, to: number, rule: number, h: number) =>
  from >= rule - h - 2 && to <= rule + h + 2;

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
  // Each mark is judged once, at its first pixel met (a mark has hundreds).
  const judged = new Set<number>();
  for (let y = inside.y0; y <= inside.y1; y++) {
    for (let x = inside.x0; x <= inside.x1; x++) {
      const number = labelAt(x, y);
      if (number === 0 || judged.has(number)) continue;
      judged.add(number);
      if (marks.owner[number - 1] === k && !intruders.has(number) && !onRule(bounds(number), box, h)) {
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
