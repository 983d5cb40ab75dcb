// A page's ink grid as the comparison needs it: smoothed so that what a rescan moves by a fraction of a
// cell costs little, and coarser copies for a quick search of how two scans lie relative to each other.
// Every side is held for the whole batch (each is compared with all the others), so a grid keeps only the
// rectangle of its cells that holds ink: a page's writing leaves its printed bands and margins bare.
import { forEachInkedCell } from './inked-cells';
import type { SideFingerprint } from './side-fingerprint';

export interface Grid {
  columns: number;
  rows: number;
  /** The rectangle of cells holding all the ink (empty when left > right): every cell outside it is 0. */
  inked: { left: number; top: number; right: number; bottom: number };
  /**
   * Ink percentage per cell of `inked` grown by one cell of paper on every side (so a shifted read around
   * it needs no bounds test), row by row; `stride` cells a row.
   */
  values: Float32Array;
  stride: number;
}

/** Each page of the fingerprint as a grid, smoothed by a 3 × 3 box. */
export function smoothedPages(print: SideFingerprint): Grid[] {
  return print.pages.map((cells) => {
    const values = new Float32Array(print.columns * print.rows);
    forEachInkedCell(cells, (cell, percent) => (values[cell] = percent));
    return cropped(print.columns, print.rows, boxBlur(print.columns, print.rows, values));
  });
}

function boxBlur(columns: number, rows: number, values: Float32Array): Float32Array {
  const across = new Float32Array(values.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const i = y * columns + x;
      across[i] =
        (values[i] as number) +
        (x > 0 ? (values[i - 1] as number) : 0) +
        (x + 1 < columns ? (values[i + 1] as number) : 0);
    }
  }
  const out = new Float32Array(values.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const i = y * columns + x;
      const sum =
        (across[i] as number) +
        (y > 0 ? (across[i - columns] as number) : 0) +
        (y + 1 < rows ? (across[i + columns] as number) : 0);
      out[i] = sum / 9;
    }
  }
  return out;
}

/** The value of a cell of the grid (0 outside its inked rectangle). */
export function cellOf(grid: Grid, x: number, y: number): number {
  const { left, top, right, bottom } = grid.inked;
  if (x < left || x > right || y < top || y > bottom) return 0;
  return grid.values[(y - top + 1) * grid.stride + x - left + 1] as number;
}

/** The grid with `factor` × `factor` cells averaged into one. */
export function downsample(grid: Grid, factor: number): Grid {
  const columns = Math.ceil(grid.columns / factor);
  const rows = Math.ceil(grid.rows / factor);
  const values = new Float32Array(columns * rows);
  // Cells outside the inked rectangle would add 0 to their sums: the same sums without them.
  const { left, top, right, bottom } = grid.inked;
  for (let y = top; y <= bottom; y++) {
    const row = Math.floor(y / factor) * columns;
    for (let x = left; x <= right; x++) {
      const cell = row + Math.floor(x / factor);
      values[cell] = (values[cell] as number) + cellOf(grid, x, y) / factor ** 2;
    }
  }
  return cropped(columns, rows, values);
}

/** The grid turned half a turn: the page as it shows when the paper lay the other way up. */
export function turned(grid: Grid): Grid {
  const { columns, rows, inked } = grid;
  return {
    columns,
    rows,
    inked: {
      left: columns - 1 - inked.right,
      top: rows - 1 - inked.bottom,
      right: columns - 1 - inked.left,
      bottom: rows - 1 - inked.top,
    },
    // The rectangle and its margin of paper, read backwards, is the rectangle turned.
    values: grid.values.slice().reverse(),
    stride: grid.stride,
  };
}

/** The grid of `columns` × `rows` cells `values`, keeping only its inked rectangle. */
function cropped(columns: number, rows: number, values: Float32Array): Grid {
  const inked = { left: columns, top: rows, right: -1, bottom: -1 };
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      if ((values[y * columns + x] as number) <= 0) continue;
      inked.left = Math.min(inked.left, x);
      inked.right = Math.max(inked.right, x);
      inked.top = Math.min(inked.top, y);
      inked.bottom = Math.max(inked.bottom, y);
    }
  }
  const stride = Math.max(0, inked.right - inked.left + 1) + 2;
  const kept = new Float32Array(stride * (Math.max(0, inked.bottom - inked.top + 1) + 2));
  for (let y = inked.top; y <= inked.bottom; y++) {
    const from = y * columns + inked.left;
    kept.set(values.subarray(from, from + stride - 2), (y - inked.top + 1) * stride + 1);
  }
  return { columns, rows, inked, values: kept, stride };
}

/** How much ink the grid holds, mm² (its cells hold percentages of `cellMm`²). */
export function inkArea(grid: Grid, cellMm: number): number {
  let sum = 0;
  for (const value of grid.values) sum += value;
  return (sum * cellMm * cellMm) / 100;
}

/**
 * Weighted overlap of `a` and `b` with `b` moved by (dx, dy) cells, fractions included (`b` is resampled
 * bilinearly: its cells are ink averaged over their area): Σ min and Σ max over the cells of `a`. What
 * moves in from outside `b` is paper.
 */
export function overlap(a: Grid, b: Grid, dx: number, dy: number): { common: number; either: number } {
  const ix = Math.floor(dx);
  const iy = Math.floor(dy);
  const fx = dx - ix;
  const fy = dy - iy;
  // b's cells (x - ix - 1, ·) and (x - ix, ·) weigh fx and 1 - fx; likewise for rows.
  const w00 = fx * fy;
  const w01 = (1 - fx) * fy;
  const w10 = fx * (1 - fy);
  const w11 = (1 - fx) * (1 - fy);
  const { columns, rows } = a;
  const ia = a.inked;
  const ib = b.inked;
  const left = Math.max(0, Math.min(ia.left, ib.left + ix));
  const right = Math.min(columns - 1, Math.max(ia.right, ib.right + ix + 1));
  const top = Math.max(0, Math.min(ia.top, ib.top + iy));
  const bottom = Math.min(rows - 1, Math.max(ia.bottom, ib.bottom + iy + 1));
  // Where a cell of `b` read below is inked, or the paper around its inked rectangle: only there can the
  // moved `b` be other than 0. Likewise for `a`, read straight.
  const [bLeft, bRight, bTop, bBottom] = [ib.left + ix, ib.right + ix + 1, ib.top + iy, ib.bottom + iy + 1];
  const av = a.values;
  const bv = b.values;
  let common = 0;
  let either = 0;
  for (let y = top; y <= bottom; y++) {
    const aIn = y >= ia.top && y <= ia.bottom;
    const aRow = (y - ia.top + 1) * a.stride - ia.left + 1;
    // b's cells read from row y - iy - 1 on, as indices into its margin-padded values.
    const bIn = y >= bTop && y <= bBottom;
    const bRow = (y - iy - ib.top) * b.stride - ib.left + 1;
    for (let x = left; x <= right; x++) {
      let vb = 0;
      if (bIn && x >= bLeft && x <= bRight) {
        const i = bRow + x - ix - 1;
        vb =
          w00 * (bv[i] as number) +
          w01 * (bv[i + 1] as number) +
          w10 * (bv[i + b.stride] as number) +
          w11 * (bv[i + b.stride + 1] as number);
      }
      const va = aIn && x >= ia.left && x <= ia.right ? (av[aRow + x] as number) : 0;
      common += va < vb ? va : vb;
      either += va < vb ? vb : va;
    }
  }
  return { common, either };
}
