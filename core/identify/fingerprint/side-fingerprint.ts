// The fingerprint of one scanned side: where the handwriting is, on a millimetre grid of each page (half)
// of the side, with the printed rules taken out and the scan's tilt undone. Two scans of the same paper
// give nearly the same grids up to a shift (the paper lay elsewhere on the glass); two students' sheets
// printed from the same template do not, even when both carry little writing, because their strokes fall
// in different places. Plain JSON, so a job can checkpoint it with its side readings.
import { eraseRules, RULE_MM } from '../locate/erase-rules';
import { greyOf, INK, type Pixels } from '../locate/grey-image';
import { deskewMask, tiltAbout } from '../locate/rotate';
import { maskWords, nextDark } from '../locate/skip-paper';
import { estimateSkew, MAX_SKEW_DEGREES } from '../locate/skew';
import { blocksBelow, darkestBlocks } from './darkest-blocks';
import { encodeInkedCells } from './inked-cells';

export interface SideFingerprint {
  /** Side of a grid cell, millimetres. */
  cellMm: number;
  /** Grid size of each page of the side. */
  columns: number;
  rows: number;
  /**
   * One entry per page as displayed, left to right (two for an A3 side, one for an A4 page): its inked
   * cells (cell index row by row, percentage 1–100 of the cell that ink covers), encoded by
   * encodeInkedCells. Cells left out are paper; most are, so this is far smaller than the whole grid.
   */
  pages: string[];
  /** The tilt measured and undone, degrees clockwise (kept for diagnosis). */
  skewDegrees: number;
}

/** A pen stroke is about half a millimetre wide: a cell holds a stroke's width, not a word's. */
const CELL_MM = 1;
/** The mask is built in blocks of about this size (mm), finer than the cells. */
const BLOCK_MM = 0.5;
/**
 * The top and bottom of every page are left out: the CCYC header frame (to 58 mm of 297, or the hatched
 * band of a verso) and the page box (from 279 mm) are printed there on every sheet, and what is written in
 * them, a name and page numbers, is read and compared as such (see core/pipeline/rescan-match.ts); left in,
 * their printed words and boxes make any two bare sheets alike. The same share at both ends, so a sheet
 * fed the other way up loses the same parts of its paper.
 */
const PRINTED_BAND = 0.21;

/** Fingerprints a side rendered as displayed at `dpi` (or its grey). */
export function fingerprintSide(page: Pixels, dpi: number): SideFingerprint {
  if (!(dpi > 0)) throw new RangeError(`dpi must be positive, got ${dpi}`);
  const factor = Math.max(1, Math.round((BLOCK_MM * dpi) / 25.4));
  const blockMm = (factor * 25.4) / dpi;
  const blocks = darkestBlocks(greyOf(page), factor);
  const { levels } = blocks;
  // The tilt is measured on everything dark, where the printed rules weigh most; the grid counts only ink.
  const skewDegrees = estimateSkew(blocksBelow(blocks, levels.dark), MAX_SKEW_DEGREES);
  const ink = blocksBelow(blocks, Math.round(levels.paper * INK));
  const tilt = tiltAbout((ink.width - 1) / 2, (ink.height - 1) / 2, skewDegrees);
  const writing = eraseRules(deskewMask(ink, tilt), Math.round(RULE_MM / blockMm));

  const pageCount = page.width > page.height ? 2 : 1;
  const pageBlocks = writing.width / pageCount;
  const columns = Math.ceil((pageBlocks * blockMm) / CELL_MM);
  const rows = Math.ceil((writing.height * blockMm) / CELL_MM);
  const counts = Array.from({ length: pageCount }, () => new Uint16Array(columns * rows));
  const cellOf = (block: number) => Math.floor((block * blockMm) / CELL_MM);
  const band = Math.round(writing.height * PRINTED_BAND);
  const words = maskWords(writing.data);
  for (let y = band; y < writing.height - band; y++) {
    const row = Math.min(rows - 1, cellOf(y)) * columns;
    const start = y * writing.width;
    const end = start + writing.width;
    for (
      let i = nextDark(writing.data, words, start, end);
      i < end;
      i = nextDark(writing.data, words, i + 1, end)
    ) {
      const x = i - start;
      const pageIndex = Math.min(pageCount - 1, Math.floor(x / pageBlocks));
      const grid = counts[pageIndex] as Uint16Array;
      const cell = row + Math.min(columns - 1, cellOf(x - pageIndex * pageBlocks));
      grid[cell] = (grid[cell] as number) + 1;
    }
  }
  const blocksPerCell = (CELL_MM / blockMm) ** 2;
  return {
    cellMm: CELL_MM,
    columns,
    rows,
    pages: counts.map((grid) => inkedCells(grid, blocksPerCell)),
    skewDegrees: Math.round(skewDegrees * 1000) / 1000,
  };
}

function inkedCells(grid: Uint16Array, blocksPerCell: number): string {
  const cells: number[] = [];
  grid.forEach((blocks, index) => {
    if (blocks > 0) cells.push(index, Math.min(100, Math.max(1, Math.round((100 * blocks) / blocksPerCell))));
  });
  return encodeInkedCells(cells);
}
