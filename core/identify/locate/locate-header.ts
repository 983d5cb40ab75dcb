// The CCYC identification header: three rows of boxes, NOM DE FAMILLE, PRÉNOM(S) and the birth date,
// the date's 8 boxes in groups of 2 / 2 / 4 around two printed slashes. Found from the printed rules, so
// where the header sits, how the sheet lay on the glass and how it was scanned do not matter.
import type { RenderedPage } from '../../pdf/render-page';
import { findBoxedRegion, locatedCells, type LocatedCell } from './boxed-region';
import type { Comb, CombShape } from './combs';

export interface LocatedHeader {
  /** Left to right; 24 boxes on the CCYC sheet. */
  lastName: LocatedCell[];
  /** 20 boxes on the CCYC sheet. */
  firstName: LocatedCell[];
  /** 8 boxes: d d m m y y y y. */
  birthDate: LocatedCell[];
  /** Measured clockwise tilt of the header, degrees. */
  skewDegrees: number;
}

/** CCYC boxes are 5.6 × 7 mm; other printings of the form differ a little. */
const HEADER_BOXES: Omit<CombShape, 'scale'> = { minRuleMm: 4, heightMm: [5, 9.5], aspect: [0.65, 1.15] };
/** Fewer boxes than this in a row above the date: not a name row. */
const MIN_NAME_BOXES = 10;
const DATE_GROUPS = [2, 2, 4];

/**
 * Finds the header's boxes in a rendering of the top of a page as displayed (`dpi`: its resolution).
 * Null when the image holds no such header: a verso, a loose form, a blank or unreadable page. A student's
 * annex with its own identification frame (the same three fields in boxes, CMEN-like) is found too, with
 * its own box counts (22, 18 and 8 on the generator's).
 */
export function locateHeader(image: RenderedPage, dpi: number): LocatedHeader | null {
  const region = findBoxedRegion(image, dpi, HEADER_BOXES);
  const rows = rowsOf(region.combs);
  const dateIndex = rows.findIndex(
    (row) =>
      row.length === DATE_GROUPS.length && row.every((comb, i) => comb.boxes.length === DATE_GROUPS[i]),
  );
  const lastName = rows[dateIndex - 2];
  const firstName = rows[dateIndex - 1];
  const birthDate = rows[dateIndex];
  if (!lastName || !firstName || !birthDate) return null;
  if ([lastName, firstName].some((row) => boxCount(row) < MIN_NAME_BOXES)) return null;
  return {
    lastName: locatedCells(region, lastName),
    firstName: locatedCells(region, firstName),
    birthDate: locatedCells(region, birthDate),
    skewDegrees: region.skewDegrees,
  };
}

/** Combs side by side at the same height form a row (the date's three groups); rows top to bottom. */
function rowsOf(combs: readonly Comb[]): Comb[][] {
  const rows: Comb[][] = [];
  const middle = (comb: Comb) => {
    const box = comb.boxes[0];
    return box ? (box.top + box.bottom) / 2 : 0;
  };
  const height = (comb: Comb) => {
    const box = comb.boxes[0];
    return box ? box.bottom - box.top : 0;
  };
  for (const comb of [...combs].sort((a, b) => middle(a) - middle(b))) {
    const row = rows.find((r) => Math.abs(middle(r[0] as Comb) - middle(comb)) < height(comb) / 2);
    if (row) row.push(comb);
    else rows.push([comb]);
  }
  for (const row of rows) row.sort((a, b) => (a.boxes[0]?.left ?? 0) - (b.boxes[0]?.left ?? 0));
  return rows;
}

function boxCount(row: readonly Comb[]): number {
  return row.reduce((sum, comb) => sum + comb.boxes.length, 0);
}
