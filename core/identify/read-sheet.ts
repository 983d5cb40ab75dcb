// Reading one folded sheet: where its top is, its boxed header (on P1) and the "Page n / N" box of each of
// its four pages, every box read within its alphabet with a probability for every character.
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
  type SheetReading,
} from './types';

/** A sheet's two sides rendered as displayed at `dpi`; the verso is missing for an incomplete sheet. */
export interface SheetImages {
  recto: RenderedPage;
  verso: RenderedPage | null;
  dpi: number;
}

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

async function readHeader(located: LocatedHeader, recognizer: Recognizer): Promise<HeaderReading> {
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

async function readPageBox(
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
 * Upright, the recto shows [P4 | P1] and the header tops its right half. Fed upside down, the recto shows
 * [P1 | P4] turned 180°: the header is at the bottom of the left half, upside down.
 */
function findHeader(
  recto: RenderedPage,
  dpi: number,
): { located: LocatedHeader; upsideDown: boolean } | null {
  const upright = locateHeader(crop(crop(recto, RIGHT_HALF), HEADER_BAND), dpi);
  if (upright) return { located: upright, upsideDown: false };
  const turned = locateHeader(crop(rotate180(crop(recto, LEFT_HALF)), HEADER_BAND), dpi);
  return turned ? { located: turned, upsideDown: true } : null;
}

/** P1..P4 as upright A4 images. */
function uprightPages(images: SheetImages, upsideDown: boolean): (RenderedPage | null)[] {
  const half = (side: RenderedPage | null, part: typeof LEFT_HALF) => {
    if (!side) return null;
    const image = crop(side, part);
    return upsideDown ? rotate180(image) : image;
  };
  const [first, second] = upsideDown ? [LEFT_HALF, RIGHT_HALF] : [RIGHT_HALF, LEFT_HALF];
  return [
    half(images.recto, first),
    half(images.verso, second),
    half(images.verso, first),
    half(images.recto, second),
  ];
}

export async function readSheet(images: SheetImages, recognizer: Recognizer): Promise<SheetReading> {
  const notes: string[] = [];
  const found = findHeader(images.recto, images.dpi);
  if (!found) notes.push('no exam header found on P1 (neither upright nor upside down)');
  const upsideDown = found?.upsideDown ?? false;
  const header = found ? await readHeader(found.located, recognizer) : null;
  const pageBoxes: (PageBoxReading | null)[] = [];
  for (const page of uprightPages(images, upsideDown)) {
    pageBoxes.push(page ? await readPageBox(page, images.dpi, recognizer) : null);
  }
  return { header, pageBoxes, notes, upsideDown };
}
