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
      expect(input[middle * INPUT_WIDTH + 1]).toBe(0);
      expect(input[middle * INPUT_WIDTH + INPUT_WIDTH / 2]).toBeCloseTo(1, 1);
    }
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
