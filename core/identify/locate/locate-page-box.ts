// The "Page n / N" box printed at the bottom right of every page: a frame holding the word "Page" and
// two digit boxes side by side with a printed slash between them. Found as that pair of boxes.
import type { RenderedPage } from '../../pdf/render-page';
import type { CellImage } from '../types';
import { findBoxedRegion, locatedCells, type LocatedCell } from './boxed-region';
import type { Box, Comb, CombShape } from './combs';
import { splitGlyphs } from './glyphs';

export interface PageBoxCell extends LocatedCell {
  /** One strip per digit written (none when the box is empty). */
  glyphs: CellImage[];
}

export interface LocatedPageBox {
  number: PageBoxCell;
  total: PageBoxCell;
  /** Measured clockwise tilt, degrees. */
  skewDegrees: number;
}

/** The CCYC page box's digit boxes are 7 × 8 mm. */
const PAGE_BOX_CELLS: Omit<CombShape, 'scale'> = { minRuleMm: 4, heightMm: [6, 10.5], aspect: [0.6, 1.3] };
/** The two boxes: sizes within this fraction of each other, tops within this fraction of their height. */
const SAME_SIZE = 0.15;
/** Space between the two boxes (where the slash is printed), in box widths. */
const GAP_WIDTHS: [number, number] = [0.3, 2];

/**
 * Finds the page box in a rendering of the bottom-right corner of a page as displayed (`dpi`: its
 * resolution). Null when there is none: not the exam paper, or the corner holds something else.
 */
export function locatePageBox(image: RenderedPage, dpi: number): LocatedPageBox | null {
  const region = findBoxedRegion(image, dpi, PAGE_BOX_CELLS);
  const singles = region.combs.filter((comb) => comb.boxes.length === 1);
  let best: [Comb, Comb] | null = null;
  for (const left of singles) {
    for (const right of singles) {
      if (!isPair(only(left), only(right))) continue;
      // Of several candidates, the one furthest down and right: the page box is in the corner.
      if (!best || only(right).right + only(right).bottom > only(best[1]).right + only(best[1]).bottom) {
        best = [left, right];
      }
    }
  }
  if (!best) return null;
  const [number, total] = locatedCells(region, best) as [LocatedCell, LocatedCell];
  return {
    number: { ...number, glyphs: splitGlyphs(number.image) },
    total: { ...total, glyphs: splitGlyphs(total.image) },
    skewDegrees: region.skewDegrees,
  };
}

function only(comb: Comb): Box {
  return comb.boxes[0] as Box;
}

function isPair(a: Box, b: Box): boolean {
  const width = a.right - a.left;
  const height = a.bottom - a.top;
  const gap = b.left - a.right;
  return (
    Math.abs(b.right - b.left - width) <= SAME_SIZE * width &&
    Math.abs(b.bottom - b.top - height) <= SAME_SIZE * height &&
    Math.abs(b.top - a.top) <= SAME_SIZE * height &&
    gap >= GAP_WIDTHS[0] * width &&
    gap <= GAP_WIDTHS[1] * width
  );
}
