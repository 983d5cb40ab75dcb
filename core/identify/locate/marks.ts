// The written marks of a comb: connected ink, each mark given to the box that holds most of it.
import type { Box } from './combs';
import type { GreyImage } from './grey-image';

/** Pixels darker than this (of 255) belong to a mark, with its anti-aliased edge. */
const MARK_LEVEL = 200;

export interface Marks {
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
export function labelMarks(clean: GreyImage, boxes: readonly Box[], h: number): Marks {
  const { width, height, data } = clean;
  const boxOfColumn = new Int32Array(width).fill(-1);
  boxes.forEach((box, k) => {
    for (let x = Math.max(0, Math.ceil(box.left)); x < Math.min(width, box.right); x++) boxOfColumn[x] = k;
  });
  // 1 where a pixel is part of a mark not labelled yet: dark, and off the rules between boxes.
  const open = new Uint8Array(width * height);
  let dark = 0;
  for (let i = 0; i < open.length; i++) {
    if ((data[i] as number) < MARK_LEVEL) {
      open[i] = 1;
      dark++;
    }
  }
  const rules = [boxes[0] as Box, ...boxes].map((box, k) => ({
    x: k === 0 ? box.left : box.right,
    from: Math.max(0, Math.ceil(box.top - h)),
    to: Math.min(height - 1, Math.floor(box.bottom + h)),
  }));
  for (const rule of rules) {
    for (let y = rule.from; y <= rule.to; y++) {
      for (let x = Math.max(0, Math.ceil(rule.x - h)); x <= Math.min(width - 1, rule.x + h); x++) {
        open[y * width + x] = 0;
      }
    }
  }
  const label = new Int32Array(width * height);
  const marks: Marks = { label, owner: [], bounds: [] };
  const perBox = new Int32Array(boxes.length);
  // Each pixel is pushed once at most: the stack never holds more than the dark pixels.
  const stack = new Int32Array(dark);
  for (let start = 0; start < label.length; start++) {
    if (open[start] === 0) continue;
    const number = marks.owner.length + 1;
    perBox.fill(0);
    let top = height;
    let bottom = -1;
    let left = width;
    let right = -1;
    let size = 0;
    open[start] = 0;
    stack[size++] = start;
    while (size > 0) {
      const p = stack[--size] as number;
      label[p] = number;
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
          if (open[q] === 1) {
            open[q] = 0;
            stack[size++] = q;
          }
        }
      }
    }
    let owner = -1;
    for (let k = 0; k < perBox.length; k++) {
      const count = perBox[k] as number;
      if (count > 0 && (owner < 0 || count > (perBox[owner] as number))) owner = k;
    }
    marks.owner.push(owner);
    marks.bounds.push({ left, right, top, bottom });
  }
  return marks;
}
