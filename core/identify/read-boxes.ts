// Reading the boxes of an exam page: the boxed header of P1 and the "Page n / N" box of any page, every box
// read within its alphabet with a probability for every character.
import { HEADER_BAND, LEFT_HALF, PAGE_BOX_BAND, RIGHT_HALF, type Fraction } from './crop';
import type { LocatedCell, PixelBox } from './locate/boxed-region';
import type { Pixels } from './locate/grey-image';
import { isEmptyCell } from './locate/cell-ink';
import { searchHeader, type HeaderSearch, type LocatedHeader } from './locate/locate-header';
import { searchPageBoxBand, type PageBoxCell, type PageBoxMemory } from './locate/locate-page-box';
import { pageView, type SideImage } from './page-view';
import type { Recognizer } from './recognize/recognizer';
import {
  DIGIT_ALPHABET,
  NAME_ALPHABET,
  type CellReading,
  type FinderMiss,
  type FieldReading,
  type HeaderReading,
  type PageBoxReading,
} from './types';

const EMPTY_CELL: CellReading = { empty: 1, probs: [] };

async function readCells(
  cells: readonly LocatedCell[],
  alphabet: string,
  recognizer: Recognizer,
): Promise<FieldReading> {
  // An empty box is decided from its pixels: the classifier only ever sees boxes with ink in them.
  const inked = cells.map((cell) => !isEmptyCell(cell.image));
  const read = await recognizer.read(
    cells.filter((_, i) => inked[i]).map((cell) => cell.image),
    alphabet,
  );
  let next = 0;
  const readings = cells.map((_, i) =>
    inked[i]
      ? (read[next++] as CellReading)
      : { ...EMPTY_CELL, probs: [...alphabet].map(() => 1 / alphabet.length) },
  );
  return { alphabet, cells: readings };
}

/** Four decimals place a box within 0.03 mm on an A4 page and keep the stored reading small. */
const round = (fraction: number) => Math.round(fraction * 10_000) / 10_000;

/** `box` in pixels of the top of the upright page (the header band starts at its top-left corner). */
function onPage(box: PixelBox, page: PageSize): Fraction {
  return {
    x: round(box.x / page.width),
    y: round(box.y / page.height),
    width: round(box.width / page.width),
    height: round(box.height / page.height),
  };
}

export interface PageSize {
  width: number;
  height: number;
}

/** `page`: the upright page the header band was cut from, in pixels, to place the boxes on it. */
export async function readHeader(
  located: LocatedHeader,
  recognizer: Recognizer,
  page: PageSize,
): Promise<HeaderReading> {
  const field = async (cells: readonly LocatedCell[], alphabet: string): Promise<FieldReading> => ({
    ...(await readCells(cells, alphabet, recognizer)),
    boxes: cells.map((cell) => onPage(cell.box, page)),
  });
  const [lastName, firstName, birthDate] = await Promise.all([
    field(located.lastName, NAME_ALPHABET),
    field(located.firstName, NAME_ALPHABET),
    field(located.birthDate, DIGIT_ALPHABET),
  ]);
  const empty = [lastName, firstName, birthDate].every((field) =>
    field.cells.every((cell) => cell.empty >= 0.5),
  );
  return { lastName, firstName, birthDate, empty };
}

async function readPageBoxCell(cell: PageBoxCell, recognizer: Recognizer): Promise<FieldReading> {
  if (cell.glyphs.length === 0) return { alphabet: DIGIT_ALPHABET, cells: [] };
  return { alphabet: DIGIT_ALPHABET, cells: await recognizer.read(cell.glyphs, DIGIT_ALPHABET) };
}

/** A copy is folded A3 sheets: its pages, and so the "/ N" total, come in fours. */
const SHEET_PAGES = 4;
/** How much less likely a total that is no multiple of 4 is (a student counting only written pages). */
const ODD_TOTAL_PRIOR = 0.05;

/** Every value a field's digits may read, with its probability, best first (at most `keep`). */
function values(field: FieldReading, keep = 12): { value: number; p: number }[] {
  let out = [{ digits: '', p: 1 }];
  for (const cell of field.cells) {
    out = out
      .flatMap((v) =>
        cell.probs.map((p, k) => ({ digits: v.digits + (field.alphabet[k] ?? ''), p: v.p * p })),
      )
      .sort((a, b) => b.p - a.p)
      .slice(0, keep);
  }
  return out.map((v) => ({ value: Number(v.digits), p: v.p }));
}

/**
 * The page number and the total read as a pair, not digit by digit: the number is at most the total and
 * the total is a multiple of 4 unless its digits say otherwise clearly ("/ 12" misread as 72 or 2 loses
 * to 12 when 12 is close behind). Null where a box is empty.
 */
export function bestPair(
  number: FieldReading,
  total: FieldReading,
): { number: number | null; total: number | null } {
  const ns = number.cells.length > 0 ? values(number) : [{ value: null, p: 1 }];
  const ts = total.cells.length > 0 ? values(total) : [{ value: null, p: 1 }];
  let best = { number: ns[0]?.value ?? null, total: ts[0]?.value ?? null, score: -1 };
  for (const n of ns) {
    for (const t of ts) {
      if (n.value !== null && (n.value < 1 || (t.value !== null && n.value > t.value))) continue;
      const prior = t.value === null || (t.value > 0 && t.value % SHEET_PAGES === 0) ? 1 : ODD_TOTAL_PRIOR;
      const score = n.p * t.p * prior;
      if (score > best.score) best = { number: n.value, total: t.value, score };
    }
  }
  return { number: best.number, total: best.total };
}

/**
 * How likely each box is to read what `best` says: the probability of that value among everything its
 * digits may read (1 for a box with nothing written in it: the finder saw no ink there).
 */
export function bestChances(reading: Pick<PageBoxReading, 'number' | 'total' | 'best'>): {
  number: number;
  total: number;
} {
  const chance = (field: FieldReading, value: number | null) =>
    field.cells.length === 0 ? 1 : (values(field).find((one) => one.value === value)?.p ?? 0);
  return {
    number: chance(reading.number, reading.best.number),
    total: chance(reading.total, reading.best.total),
  };
}

/** `box` in pixels of `band`, the PAGE_BOX_BAND of the upright page, placed on that page. */
function inPageBoxBand(box: PixelBox, band: PageSize): Fraction {
  const { x, y, width, height } = PAGE_BOX_BAND;
  return {
    x: round(x + (box.x / band.width) * width),
    y: round(y + (box.y / band.height) * height),
    width: round((box.width / band.width) * width),
    height: round((box.height / band.height) * height),
  };
}

export type PageBoxResult = { reading: PageBoxReading } | { missing: FinderMiss };

/** `band` is the PAGE_BOX_BAND of an upright page. */
export async function readPageBox(
  band: Pixels,
  dpi: number,
  recognizer: Recognizer,
  memory: PageBoxMemory,
): Promise<PageBoxResult> {
  const search = searchPageBoxBand(band, dpi, memory);
  if ('missing' in search) return search;
  const located = search.found;
  const [number, total] = await Promise.all([
    readPageBoxCell(located.number, recognizer),
    readPageBoxCell(located.total, recognizer),
  ]);
  return {
    reading: {
      number,
      total,
      best: bestPair(number, total),
      empty: number.cells.length === 0 && total.cells.length === 0,
      boxes: {
        number: inPageBoxBand(located.number.box, band),
        total: inPageBoxBand(located.total.box, band),
      },
    },
  };
}

/**
 * The header on an A3 side, looked for where a recto shows it. Upright, a recto shows [P4 | P1] and the
 * header tops its right half. Fed upside down, it shows [P1 | P4] turned 180°: the header is at the bottom
 * of the left half, upside down.
 */
export function searchSideHeader(side: SideImage, dpi: number, upsideDown: boolean): HeaderSearch {
  const half = upsideDown ? LEFT_HALF : RIGHT_HALF;
  return searchHeader(pageView(side, half, upsideDown).greyRegion(HEADER_BAND), dpi);
}

/** Why neither way up showed a header: the way that came closer says (fewer fields missing, boxes rather than none). */
export function closerMiss(upright: FinderMiss[], turned: FinderMiss[]): FinderMiss[] {
  const closeness = (missing: FinderMiss[]) => missing.length + (missing[0]?.code === 'no-boxes' ? 3 : 0);
  return closeness(turned) < closeness(upright) ? turned : upright;
}
