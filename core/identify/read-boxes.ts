// Reading the boxes of an exam page: the boxed header of P1 and the "Page n / N" box of any page, every box
// read within its alphabet with a probability for every character.
import type { RenderedPage } from '../pdf/render-page';
import { HEADER_BAND, LEFT_HALF, PAGE_BOX_CORNER, RIGHT_HALF, crop } from './crop';
import type { LocatedCell } from './locate/boxed-region';
import { isEmptyCell } from './locate/cell-ink';
import { locateHeader, type LocatedHeader } from './locate/locate-header';
import { locatePageBox, type PageBoxCell } from './locate/locate-page-box';
import { rotate180 } from './locate/rotate';
import type { Recognizer } from './recognize/recognizer';
import {
  DIGIT_ALPHABET,
  NAME_ALPHABET,
  type CellReading,
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

export async function readHeader(located: LocatedHeader, recognizer: Recognizer): Promise<HeaderReading> {
  const [lastName, firstName, birthDate] = await Promise.all([
    readCells(located.lastName, NAME_ALPHABET, recognizer),
    readCells(located.firstName, NAME_ALPHABET, recognizer),
    readCells(located.birthDate, DIGIT_ALPHABET, recognizer),
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

function bestDigits(field: FieldReading): number | null {
  if (field.cells.length === 0) return null;
  const digits = field.cells.map((cell) => {
    const best = cell.probs.indexOf(Math.max(...cell.probs));
    return field.alphabet[best] ?? '';
  });
  return Number(digits.join(''));
}

export async function readPageBox(
  page: RenderedPage,
  dpi: number,
  recognizer: Recognizer,
): Promise<PageBoxReading | null> {
  const located = locatePageBox(crop(page, PAGE_BOX_CORNER), dpi);
  if (!located) return null;
  const [number, total] = await Promise.all([
    readPageBoxCell(located.number, recognizer),
    readPageBoxCell(located.total, recognizer),
  ]);
  return {
    number,
    total,
    best: { number: bestDigits(number), total: bestDigits(total) },
    empty: number.cells.length === 0 && total.cells.length === 0,
  };
}

/**
 * The header on an A3 side, if it is a recto. Upright, a recto shows [P4 | P1] and the header tops its
 * right half. Fed upside down, it shows [P1 | P4] turned 180°: the header is at the bottom of the left
 * half, upside down.
 */
export function findHeader(
  side: RenderedPage,
  dpi: number,
): { located: LocatedHeader; upsideDown: boolean } | null {
  const upright = locateHeader(crop(crop(side, RIGHT_HALF), HEADER_BAND), dpi);
  if (upright) return { located: upright, upsideDown: false };
  const turned = locateHeader(crop(rotate180(crop(side, LEFT_HALF)), HEADER_BAND), dpi);
  return turned ? { located: turned, upsideDown: true } : null;
}
