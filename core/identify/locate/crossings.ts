// Where a box's writing meets the rule between it and its neighbour: the marks on either side of it, row
// by row. A mark lying against a side rule and staying near it is a piece of a letter that goes on across
// the rule, in the other box.
import type { Box } from './combs';
import type { Marks } from './marks';

/** A mark touching a side rule is the other box's when it stays this close to it (fraction of the width). */
const SIDE_REACH = 0.35;

export interface Inside {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A box's pixels between the bands of its rules, the top and bottom bands included. */
export function insideOf(box: Box, h: number): Inside {
  return {
    x0: Math.ceil(box.left + h),
    x1: Math.floor(box.right - h),
    y0: Math.ceil(box.top - h),
    y1: Math.floor(box.bottom + h),
  };
}

/** A mark lying against one side of a box (`side` -1: left, 1: right), staying near it. */
export function hugsSide(mark: Box, inside: Inside, side: number): boolean {
  const reach = SIDE_REACH * (inside.x1 - inside.x0 + 1);
  return side < 0
    ? mark.left <= inside.x0 && mark.right < inside.x0 + reach
    : mark.right >= inside.x1 && mark.left > inside.x1 - reach;
}

/** Where writing goes through the rule between a box and the next one on `side`. */
export interface Crossing {
  side: number;
  /** This box's inner column at the rule, and the other box's. */
  edge: number;
  far: number;
  /** The other box's inside. */
  next: Inside;
  /** Rows of this box's marks at the rule, each with the other box's mark met across it. */
  rows: { y: number; here: number; there: number }[];
}

export function crossings(
  marks: Marks,
  width: number,
  height: number,
  boxes: readonly Box[],
  k: number,
  h: number,
) {
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
