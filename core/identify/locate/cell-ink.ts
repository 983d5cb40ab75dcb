// Is anything written in a box? Ink is counted as connected marks well inside the box: what is left of a
// rule hugs the border, a neighbour's stroke reaching over the rule stays near it, and scanner dust or
// JPEG blotches are specks. A hyphen or an apostrophe, small as they are, is neither.
import type { CellImage } from '../types';

/** Darker than this (0 = black, 255 = paper) is ink; anti-aliased stroke edges and grain are lighter. */
const INK_LEVEL = 140;
/** The border left out, as a fraction of the cell's width and height: the rule bands and what hugs them. */
const BORDER = 0.12;
/**
 * A mark counts from this size (its longer side, as a fraction of the cell's shorter side): a written
 * apostrophe is over 1 mm long in a 5.6 mm box, scanner dust under 0.5 mm across.
 */
const MIN_MARK = 0.12;
/** Below this fraction of the inside covered by ink, a box is empty. */
const EMPTY_BELOW = 0.004;

/** The fraction of the box's inside covered by written marks (0 for an empty box). */
export function cellInk(cell: CellImage): number {
  const { width, height, data } = cell;
  const x0 = Math.round(width * BORDER);
  const x1 = width - x0;
  const y0 = Math.round(height * BORDER);
  const y1 = height - y0;
  const area = (x1 - x0) * (y1 - y0);
  if (area <= 0) return 0;
  const minMark = MIN_MARK * Math.min(width, height);
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const start = y * width + x;
      if (seen[start] === 1 || (data[start] as number) >= INK_LEVEL) continue;
      // One mark: flood its 8-connected dark pixels inside the border, noting its extent.
      let pixels = 0;
      let left = x;
      let right = x;
      let top = y;
      let bottom = y;
      seen[start] = 1;
      stack.push(start);
      while (stack.length > 0) {
        const p = stack.pop() as number;
        const px = p % width;
        const py = (p - px) / width;
        pixels++;
        left = Math.min(left, px);
        right = Math.max(right, px);
        top = Math.min(top, py);
        bottom = Math.max(bottom, py);
        for (let ny = Math.max(y0, py - 1); ny <= Math.min(y1 - 1, py + 1); ny++) {
          for (let nx = Math.max(x0, px - 1); nx <= Math.min(x1 - 1, px + 1); nx++) {
            const q = ny * width + nx;
            if (seen[q] === 0 && (data[q] as number) < INK_LEVEL) {
              seen[q] = 1;
              stack.push(q);
            }
          }
        }
      }
      if (Math.max(right - left + 1, bottom - top + 1) >= minMark) ink += pixels;
    }
  }
  return ink / area;
}

export function isEmptyCell(cell: CellImage): boolean {
  return cellInk(cell) < EMPTY_BELOW;
}
