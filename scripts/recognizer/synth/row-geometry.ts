// Where the boxes of a synthetic comb row lie and where a box finder would cut each cell: a little inside
// the printed box or a little over its line, independently on each side.
import type { Random } from '../../../test/generator/random';
import type { Rect } from '../../../test/generator/sheet-layout';

export const MM_PER_INCH = 25.4;
/** Paper around the row, mm: room for characters that overflow their boxes. */
export const ROW_MARGIN_MM = 4;

export interface RowGeometry {
  dpi: number;
  pxPerMm: number;
  /** Boxes in mm from the row's top-left corner. */
  boxes: Rect[];
  /** Whole row size in px. */
  width: number;
  height: number;
  /** Each cell's crop in px. */
  crops: Rect[];
}

export function drawRowGeometry(rng: Random, count: number, dpi: number): RowGeometry {
  const boxWidth = rng.range(5, 7.2);
  const boxHeight = rng.range(6.3, 8.2);
  const pxPerMm = dpi / MM_PER_INCH;
  const boxes: Rect[] = Array.from({ length: count }, (_, i) => ({
    x: ROW_MARGIN_MM + i * boxWidth,
    y: ROW_MARGIN_MM,
    width: boxWidth,
    height: boxHeight,
  }));
  const crops = boxes.map((box) => {
    const inset = () => rng.range(-0.3, 0.5) * pxPerMm;
    const left = Math.round(box.x * pxPerMm + inset());
    const top = Math.round(box.y * pxPerMm + inset());
    const right = Math.round((box.x + box.width) * pxPerMm - inset());
    const bottom = Math.round((box.y + box.height) * pxPerMm - inset());
    return { x: left, y: top, width: right - left, height: bottom - top };
  });
  return {
    dpi,
    pxPerMm,
    boxes,
    width: Math.round((2 * ROW_MARGIN_MM + count * boxWidth) * pxPerMm),
    height: Math.round((2 * ROW_MARGIN_MM + boxHeight) * pxPerMm),
    crops,
  };
}
