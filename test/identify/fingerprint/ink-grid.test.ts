// Grids keep only their inked rectangle: every figure the comparison reads must be what the whole page's
// grid gives, to the bit (a rescan decision must not move with how a grid is stored).
import { describe, expect, it } from 'vitest';
import {
  cellOf,
  downsample,
  inkArea,
  overlap,
  smoothedPages,
  turned,
  type Grid,
} from '../../../core/identify/fingerprint/ink-grid';
import { encodeInkedCells } from '../../../core/identify/fingerprint/inked-cells';
import type { SideFingerprint } from '../../../core/identify/fingerprint/side-fingerprint';

/** A side with a few strokes of ink placed by `seed`, one page of it bare when `bare`. */
function side(seed: number, bare = false): SideFingerprint {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const [columns, rows] = [40, 30];
  const page = () => {
    const cells = new Map<number, number>();
    const [x0, y0] = [Math.floor(next() * 20) + 5, Math.floor(next() * 15) + 5];
    for (let k = 0; k < 60; k++) {
      const cell = (y0 + Math.floor(next() * 10)) * columns + x0 + Math.floor(next() * 12);
      cells.set(cell, 1 + Math.floor(next() * 100));
    }
    return encodeInkedCells([...cells].sort((a, b) => a[0] - b[0]).flat());
  };
  return { cellMm: 1, columns, rows, pages: [page(), bare ? '' : page()], skewDegrees: 0 };
}

/** The grid's every cell, row by row, as the whole page's grid holds them. */
const whole = (grid: Grid) =>
  Array.from({ length: grid.rows * grid.columns }, (_, i) =>
    cellOf(grid, i % grid.columns, Math.floor(i / grid.columns)),
  );

/** The overlap as read from whole grids (the way it was computed before grids were cropped). */
function wholeOverlap(a: Grid, b: Grid, dx: number, dy: number) {
  const [va, vb] = [whole(a), whole(b)];
  const [ix, iy] = [Math.floor(dx), Math.floor(dy)];
  const [fx, fy] = [dx - ix, dy - iy];
  const at = (x: number, y: number) =>
    x >= 0 && x < b.columns && y >= 0 && y < b.rows ? vb[y * b.columns + x]! : 0;
  let common = 0;
  let either = 0;
  for (let y = 0; y < a.rows; y++) {
    for (let x = 0; x < a.columns; x++) {
      const [bx, by] = [x - ix - 1, y - iy - 1];
      const moved =
        fx * fy * at(bx, by) +
        (1 - fx) * fy * at(bx + 1, by) +
        fx * (1 - fy) * at(bx, by + 1) +
        (1 - fx) * (1 - fy) * at(bx + 1, by + 1);
      const here = va[y * a.columns + x]!;
      common += here < moved ? here : moved;
      either += here < moved ? moved : here;
    }
  }
  return { common, either };
}

describe('ink grids kept to their inked rectangle', () => {
  const sides = [side(1), side(2), side(3, true)];
  const grids = sides.flatMap(smoothedPages);

  it('keep the whole grid cell for cell, turned and coarser too, and nothing outside the ink', () => {
    for (const grid of grids) {
      const cells = whole(grid);
      expect(whole(turned(grid))).toEqual([...cells].reverse());
      expect(whole(turned(turned(grid)))).toEqual(cells);
      const coarse = downsample(grid, 2);
      expect(whole(coarse)).toEqual(
        Array.from({ length: coarse.rows * coarse.columns }, (_, i) => {
          const [cx, cy] = [i % coarse.columns, Math.floor(i / coarse.columns)];
          let sum = 0;
          for (let y = 2 * cy; y < Math.min(grid.rows, 2 * cy + 2); y++) {
            for (let x = 2 * cx; x < Math.min(grid.columns, 2 * cx + 2); x++) {
              sum = Math.fround(sum + cells[y * grid.columns + x]! / 4);
            }
          }
          return sum;
        }),
      );
      const sum = cells.reduce((total, value) => total + value, 0);
      expect(inkArea(grid, 1)).toBe(sum / 100);
    }
    const bare = grids.at(-1)!;
    expect(bare.inked.left).toBeGreaterThan(bare.inked.right);
    expect(inkArea(bare, 1)).toBe(0);
  });

  it('overlap exactly as the whole grids do, at whole and fractional shifts, bare pages included', () => {
    const shifts = [0, 1, -3, 2.25, -1.75, 7.5, -12];
    for (const a of grids) {
      for (const b of grids) {
        for (const dx of shifts) {
          for (const dy of shifts) expect(overlap(a, b, dx, dy)).toEqual(wholeOverlap(a, b, dx, dy));
        }
      }
    }
  });
});
