// Where things sit on an A4 exam page, in millimetres from the page's top-left corner. Modelled on the
// French CCYC (©DNE) copy: an identification frame on P1 with one box per character, a "Page n / N" box at
// the bottom right of every page.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const A4_MM = { width: 210, height: 297 } as const;
export const A3_MM = { width: 420, height: 297 } as const;

export const BOX_WIDTH = 5.6;
export const BOX_HEIGHT = 7;

/** A comb: adjacent boxes sharing their edges. */
export function boxRow(x: number, y: number, count: number): Rect[] {
  return Array.from({ length: count }, (_, i) => ({
    x: x + i * BOX_WIDTH,
    y,
    width: BOX_WIDTH,
    height: BOX_HEIGHT,
  }));
}

const BOXES_X = 58;
/** Gap left for the printed "/" between day, month and year. */
const DATE_SLASH_GAP = 4;

function birthDateBoxes(x: number, y: number): Rect[] {
  const day = boxRow(x, y, 2);
  const month = boxRow(x + 2 * BOX_WIDTH + DATE_SLASH_GAP, y, 2);
  const year = boxRow(x + 4 * BOX_WIDTH + 2 * DATE_SLASH_GAP, y, 4);
  return [...day, ...month, ...year];
}

/** x of the printed slashes between a date's day, month and year boxes starting at `x`. */
function dateSlashes(x: number): [number, number] {
  return [x + 2 * BOX_WIDTH + DATE_SLASH_GAP / 2, x + 4 * BOX_WIDTH + 1.5 * DATE_SLASH_GAP];
}

/** The boxed fields a student fills in: NOM, PRÉNOM and the date of birth, one character per box. */
export interface IdentityLayout {
  frame: Rect;
  lastName: { label: string; labelBaseline: number; boxes: Rect[] };
  firstName: { label: string; labelBaseline: number; boxes: Rect[] };
  birthDate: { label: string; labelBaseline: number; boxes: Rect[] };
  birthDateSlashes: readonly number[];
  labelX: number;
}

export const HEADER = {
  frame: { x: 10, y: 8, width: 190, height: 50 },
  lastName: { label: 'NOM DE FAMILLE', labelBaseline: 18.8, boxes: boxRow(BOXES_X, 14, 24) },
  firstName: { label: 'PRÉNOM(S)', labelBaseline: 31.8, boxes: boxRow(BOXES_X, 27, 20) },
  birthDate: { label: 'Né(e) le', labelBaseline: 44.8, boxes: birthDateBoxes(BOXES_X, 40) },
  /** x of the printed slashes between the date's day, month and year boxes. */
  birthDateSlashes: dateSlashes(BOXES_X),
  labelX: 12,
} as const satisfies IdentityLayout;

const ANNEX_BOXES_X = 50;

/**
 * The annex's CMEN-like identification frame: the same fields as the CCYC one but its own places (lower,
 * further left, fewer boxes), under the annex's title.
 */
export const ANNEX_HEADER = {
  frame: { x: 10, y: 16, width: 190, height: 35 },
  lastName: { label: 'Nom de famille', labelBaseline: 27.3, boxes: boxRow(ANNEX_BOXES_X, 22, 22) },
  firstName: { label: 'Prénom(s)', labelBaseline: 36.3, boxes: boxRow(ANNEX_BOXES_X, 31, 18) },
  birthDate: { label: 'Né(e) le', labelBaseline: 45.3, boxes: birthDateBoxes(ANNEX_BOXES_X, 40) },
  birthDateSlashes: dateSlashes(ANNEX_BOXES_X),
  labelX: 12,
} as const satisfies IdentityLayout;

/** The hatched "do not write here" band some versos carry behind P1's header. */
export const VERSO_BAND: Rect = { x: 10, y: 8, width: 190, height: 42 };

export const PAGE_BOX = {
  frame: { x: 163, y: 279, width: 37, height: 12 },
  labelBaseline: 287,
  number: { x: 177, y: 281, width: 7, height: 8 },
  total: { x: 190, y: 281, width: 7, height: 8 },
  slashX: 186.5,
} as const;

/** Handwritten body lines stay between these; the bottom margin is left to the page tag and page box. */
export const BODY = {
  left: 20,
  right: 193,
  topAfterHeader: 66,
  topAfterBand: 54,
  top: 14,
  lastBaseline: 250,
} as const;
