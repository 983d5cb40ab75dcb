import { describe, expect, it } from 'vitest';
import { INPUT_HEIGHT, INPUT_WIDTH, cellToInput } from '../../../core/identify/recognize/cell-input';
import type { CellImage } from '../../../core/identify/types';

function cell(width: number, height: number, pixel: (x: number, y: number) => number): CellImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = pixel(x, y);
  return { width, height, data };
}

/** A dark vertical bar over the middle third of the cell on light paper. */
const bar = (width: number, height: number, paper: number, ink: number) =>
  cell(width, height, (x) => (x >= width / 3 && x < (2 * width) / 3 ? ink : paper));

describe('cellToInput', () => {
  it('maps paper to 0 and ink to 1 on the fixed grid, whatever the cell size', () => {
    for (const [width, height] of [
      [26, 33],
      [66, 83],
      [12, 15],
    ] as const) {
      const input = cellToInput(bar(width, height, 230, 40));
      expect(input).toHaveLength(INPUT_WIDTH * INPUT_HEIGHT);
      const middle = INPUT_HEIGHT / 2;
      expect(input[middle * INPUT_WIDTH + 1]).toBeCloseTo(0, 6);
      expect(input[middle * INPUT_WIDTH + INPUT_WIDTH / 2]).toBeCloseTo(1, 1);
    }
  });

  it('keeps the proportions of a narrow strip, centred on paper', () => {
    // A 3.5 × 8 mm strip cut from a two-digit page box holding a 20 × 38 px block of ink: the block must
    // keep its proportions, not be stretched to the grid's width.
    const input = cellToInput(cell(20, 46, (_, y) => (y < 4 || y >= 42 ? 235 : 30)));
    const inkedColumns = Array.from(
      { length: INPUT_WIDTH },
      (_, x) => input[(INPUT_HEIGHT / 2) * INPUT_WIDTH + x],
    );
    const inkedRows = Array.from(
      { length: INPUT_HEIGHT },
      (_, y) => input[y * INPUT_WIDTH + INPUT_WIDTH / 2],
    );
    const width = inkedColumns.filter((value) => (value as number) > 0.5).length;
    const height = inkedRows.filter((value) => (value as number) > 0.5).length;
    expect(width / height).toBeCloseTo(20 / 38, 1);
    expect(inkedColumns[0]).toBe(0);
    expect(inkedColumns[INPUT_WIDTH - 1]).toBe(0);
  });

  it('enlarges a small letter, but not a speck in an empty box beyond its share', () => {
    // A 6 × 10 px mark in a 40 × 50 px cell is shown from a window of 60 % of the cell at least.
    const small = cellToInput(cell(40, 50, (x, y) => (x >= 17 && x < 23 && y >= 20 && y < 30 ? 30 : 235)));
    const height = Array.from(
      { length: INPUT_HEIGHT },
      (_, y) => small[y * INPUT_WIDTH + INPUT_WIDTH / 2],
    ).filter((value) => (value as number) > 0.5).length;
    expect(height).toBeGreaterThan((10 / 50) * INPUT_HEIGHT * 1.3);
    expect(height).toBeLessThanOrEqual(Math.ceil((10 / (0.6 * 50)) * INPUT_HEIGHT) + 1);
  });

  it('stretches faint blue ink as far as black ink, so the scanner does not change the input', () => {
    const black = cellToInput(bar(40, 50, 250, 20));
    const blue = cellToInput(bar(40, 50, 235, 110));
    const centre = (INPUT_HEIGHT / 2) * INPUT_WIDTH + INPUT_WIDTH / 2;
    expect(blue[centre]).toBeCloseTo(black[centre] as number, 1);
  });

  it('keeps the sensor noise of an empty cell faint instead of stretching it into strokes', () => {
    let state = 7;
    const noisy = cell(40, 50, () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return 225 + (state % 25);
    });
    expect(Math.max(...cellToInput(noisy))).toBeLessThan(0.3);
  });

  it('refuses pixel data that does not match the stated size', () => {
    expect(() => cellToInput({ width: 10, height: 10, data: new Uint8Array(50) })).toThrow(/10 × 10 with 50/);
  });
});
