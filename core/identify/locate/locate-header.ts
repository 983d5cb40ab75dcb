// The identification header: NOM, PRÉNOM and the birth date, one character per box. Found from the printed
// structure alone, whatever the printing: the two long rows of boxes are the names (NOM above PRÉNOM), the
// date is 8 boxes, either in groups of 2 / 2 / 4 (printed slashes between them) or in one run, and may
// share its row with other boxes; other rows (N° candidat, N° d'inscription…) may sit above, between or
// beside them. Where the header sits, how the sheet lay on the glass and how it was scanned do not matter.
import type { FinderMiss } from '../types';
import { findBoxedRegion, locatedCells, type LocatedCell } from './boxed-region';
import type { Box, Comb, CombShape } from './combs';
import type { Pixels } from './grey-image';

export interface LocatedHeader {
  /** Left to right; 15–30 boxes (24 on the CCYC sheet). */
  lastName: LocatedCell[];
  /** 15–30 boxes (20 on the CCYC sheet). */
  firstName: LocatedCell[];
  /** 8 boxes: d d m m y y y y. */
  birthDate: LocatedCell[];
  /** Measured clockwise tilt of the header, degrees. */
  skewDegrees: number;
}

export type HeaderSearch = { found: LocatedHeader } | { missing: FinderMiss[] };

/**
 * Printings use boxes 4.5–8 mm wide, square or taller than wide (up to ~1.8 : 1), printed at 90–105 %.
 */
const HEADER_BOXES: Omit<CombShape, 'scale'> = { minRuleMm: 3.5, heightMm: [4, 11], aspect: [0.55, 1.2] };
/** A name row has 15–30 boxes; other rows of the frame (numbers, codes) have fewer than this. */
export const MIN_NAME_BOXES = 14;
const DATE_BOXES = 8;
const DATE_GROUPS = [2, 2, 4];
/** The gap a printed slash leaves between two groups of the date, in box widths. */
const MAX_SLASH_GAP = 2.5;
/** Boxes of one field: the same size within this fraction. */
const SAME_SIZE = 0.15;
/** Boxes this much narrower than the names' are not the frame's own size (see atPitch). */
const OTHER_PITCH = 0.25;

/**
 * Finds the header's boxes in a rendering of the top of a page as displayed (`dpi`: its resolution).
 * Null when the image holds no such header: a verso, a loose form, a blank or unreadable page. A student's
 * annex with its own identification frame (the same three fields in boxes, CMEN-like) is found too.
 */
export function locateHeader(image: Pixels, dpi: number): LocatedHeader | null {
  const search = searchHeader(image, dpi);
  return 'found' in search ? search.found : null;
}

/** As locateHeader, saying which field was not found and why when the header is not there. */
export function searchHeader(image: Pixels, dpi: number): HeaderSearch {
  const region = findBoxedRegion(image, dpi, HEADER_BOXES);
  if (region.combs.length === 0) return { missing: [{ field: 'header', code: 'no-boxes', params: {} }] };
  const names = region.combs
    .filter((comb) => comb.boxes.length >= MIN_NAME_BOXES)
    .sort((a, b) => middle(a) - middle(b) || left(a) - left(b));
  const [lastName, firstName] = names;
  const longest = Math.max(...region.combs.map((comb) => comb.boxes.length));
  const missing: FinderMiss[] = [];
  if (!lastName)
    missing.push({
      field: 'lastName',
      code: 'no-name-row',
      params: { longestRow: longest, needed: MIN_NAME_BOXES },
    });
  if (!firstName)
    missing.push({
      field: 'firstName',
      code: 'no-name-row',
      params: { longestRow: longest, needed: MIN_NAME_BOXES },
    });
  const date = findDate(
    region.combs.map((comb) => atPitch(comb, names)),
    firstName ?? lastName,
  );
  if (!date)
    missing.push({
      field: 'birthDate',
      code: 'no-date-boxes',
      params: { rows: rowsOf(region.combs).length },
    });
  if (!lastName || !firstName || !date) return { missing };
  return {
    found: {
      lastName: locatedCells(region, [lastName]),
      firstName: locatedCells(region, [firstName]),
      birthDate: locatedCells(region, date),
      skewDegrees: region.skewDegrees,
    },
  };
}

/**
 * The date's combs: three groups of 2, 2 and 4 boxes of one size side by side, or one run of 8. Of
 * several, groups before a run, then the nearest below the names (the CCYC order), then the nearest.
 */
function findDate(combs: readonly Comb[], above: Comb | undefined): Comb[] | null {
  const candidates: { combs: Comb[]; grouped: boolean }[] = [];
  for (const row of rowsOf(combs)) {
    for (let i = 0; i < row.length; i++) {
      const run = row.slice(i, i + DATE_GROUPS.length);
      if (run.length === DATE_GROUPS.length && isDateGroups(run))
        candidates.push({ combs: run, grouped: true });
      const single = row[i] as Comb;
      if (single.boxes.length === DATE_BOXES) candidates.push({ combs: [single], grouped: false });
    }
  }
  const from = above ? middle(above) : 0;
  const distance = (c: Comb[]) => {
    const dy = middle(c[0] as Comb) - from;
    return dy > 0 ? dy : 1e6 - dy;
  };
  candidates.sort((a, b) => Number(b.grouped) - Number(a.grouped) || distance(a.combs) - distance(b.combs));
  return candidates[0]?.combs ?? null;
}

/**
 * A short comb full of digits can show their uprights at a regular pitch and be read with more, narrower
 * boxes than it has. The frame's boxes are printed alike: a comb whose boxes are far narrower than the
 * names' but whose length is a whole number of the names' boxes is cut again at that pitch.
 */
function atPitch(comb: Comb, names: readonly Comb[]): Comb {
  if (names.length === 0 || names.includes(comb)) return comb;
  const pitch = names.reduce((sum, name) => sum + boxWidth(name), 0) / names.length;
  if (boxWidth(comb) >= (1 - OTHER_PITCH) * pitch) return comb;
  const length = right(comb) - left(comb);
  const count = Math.round(length / pitch);
  if (count < 1 || Math.abs(length / count - pitch) > SAME_SIZE * pitch) return comb;
  const { top, bottom } = comb.boxes[0] as Box;
  const step = length / count;
  const boxes = Array.from({ length: count }, (_, k) => ({
    left: left(comb) + k * step,
    right: left(comb) + (k + 1) * step,
    top,
    bottom,
  }));
  return { ...comb, boxes };
}

function isDateGroups(run: readonly Comb[]): boolean {
  if (!run.every((comb, i) => comb.boxes.length === DATE_GROUPS[i])) return false;
  const first = run[0] as Comb;
  const width = boxWidth(first);
  const height = boxHeight(first);
  return run.every((comb, i) => {
    if (Math.abs(boxWidth(comb) - width) > SAME_SIZE * width) return false;
    if (Math.abs(boxHeight(comb) - height) > SAME_SIZE * height) return false;
    if (i === 0) return true;
    const gap = left(comb) - right(run[i - 1] as Comb);
    return gap >= 0 && gap <= MAX_SLASH_GAP * width;
  });
}

const middle = (comb: Comb) => {
  const box = comb.boxes[0];
  return box ? (box.top + box.bottom) / 2 : 0;
};
const left = (comb: Comb) => comb.boxes[0]?.left ?? 0;
const right = (comb: Comb) => comb.boxes[comb.boxes.length - 1]?.right ?? 0;
const boxWidth = (comb: Comb) => (right(comb) - left(comb)) / comb.boxes.length;
const boxHeight = (comb: Comb) => {
  const box = comb.boxes[0];
  return box ? box.bottom - box.top : 0;
};

/** Combs side by side at the same height form a row (the date's three groups); rows top to bottom. */
export function rowsOf(combs: readonly Comb[]): Comb[][] {
  const rows: Comb[][] = [];
  for (const comb of [...combs].sort((a, b) => middle(a) - middle(b))) {
    const row = rows.find((r) => Math.abs(middle(r[0] as Comb) - middle(comb)) < boxHeight(comb) / 2);
    if (row) row.push(comb);
    else rows.push([comb]);
  }
  for (const row of rows) row.sort((a, b) => left(a) - left(b));
  return rows;
}
