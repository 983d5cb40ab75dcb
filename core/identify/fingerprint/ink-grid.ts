// A page's ink grid as the comparison needs it: whole (the fingerprint keeps only inked cells), smoothed
// so that what a rescan moves by a fraction of a cell costs little, and coarser copies for a quick search
// of how two scans lie relative to each other.
import type { SideFingerprint } from './side-fingerprint';

export interface Grid {
  columns: number;
  rows: number;
  /** Ink percentage per cell, row by row. */
  values: Float32Array;
  /** The rectangle of cells holding all the ink (empty when left > right): the rest need no visit. */
  inked: { left: number; top: number; right: number; bottom: number };
}

/** Each page of the fingerprint as a whole grid, smoothed by a 3 × 3 box. */
export function smoothedPages(print: SideFingerprint): Grid[] {
  return print.pages.map((cells) => {
    const values = new Float32Array(print.columns * print.rows);
    for (let k = 0; k + 1 < cells.length; k += 2) values[cells[k] as number] = cells[k + 1] as number;
    return boxBlur(print.columns, print.rows, values);
  });
}

function boxBlur(columns: number, rows: number, values: Float32Array): Grid {
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
  return withInked(columns, rows, out);
}

/** The grid with `factor` × `factor` cells averaged into one. */
export function downsample(grid: Grid, factor: number): Grid {
  const columns = Math.ceil(grid.columns / factor);
  const rows = Math.ceil(grid.rows / factor);
  const values = new Float32Array(columns * rows);
  for (let y = 0; y < grid.rows; y++) {
    const row = Math.floor(y / factor) * columns;
    for (let x = 0; x < grid.columns; x++) {
      const cell = row + Math.floor(x / factor);
      values[cell] = (values[cell] as number) + (grid.values[y * grid.columns + x] as number) / factor ** 2;
    }
  }
  return withInked(columns, rows, values);
}

/** The grid turned half a turn: the page as it shows when the paper lay the other way up. */
export function turned(grid: Grid): Grid {
  return withInked(grid.columns, grid.rows, grid.values.slice().reverse());
}

function withInked(columns: number, rows: number, values: Float32Array): Grid {
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
  return { columns, rows, values, inked };
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
  const left = Math.max(0, Math.min(a.inked.left, b.inked.left + ix));
  const right = Math.min(columns - 1, Math.max(a.inked.right, b.inked.right + ix + 1));
  const top = Math.max(0, Math.min(a.inked.top, b.inked.top + iy));
  const bottom = Math.min(rows - 1, Math.max(a.inked.bottom, b.inked.bottom + iy + 1));
  const at = (x: number, y: number) =>
    x >= 0 && x < b.columns && y >= 0 && y < b.rows ? (b.values[y * b.columns + x] as number) : 0;
  let common = 0;
  let either = 0;
  for (let y = top; y <= bottom; y++) {
    const by = y - iy - 1;
    for (let x = left; x <= right; x++) {
      const bx = x - ix - 1;
      const vb = w00 * at(bx, by) + w01 * at(bx + 1, by) + w10 * at(bx, by + 1) + w11 * at(bx + 1, by + 1);
      const va = a.values[y * columns + x] as number;
      common += va < vb ? va : vb;
      either += va < vb ? vb : va;
    }
  }
  return { common, either };
}
