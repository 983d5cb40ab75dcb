// A background that crosses the ink level everywhere (a noisy or grey scan) looks the same on any two
// sheets: it must never make two different sheets one.
import { describe, expect, it } from 'vitest';
import { compareSides } from '../../../core/identify/fingerprint/compare-sides';
import { encodeInkedCells } from '../../../core/identify/fingerprint/inked-cells';
import type { SideFingerprint } from '../../../core/identify/fingerprint/side-fingerprint';

const COLUMNS = 100;
const ROWS = 80;

function print(inkAt: (cell: number) => number): SideFingerprint {
  const page = (offset: number) =>
    Array.from({ length: COLUMNS * ROWS }, (_, cell) => [cell, inkAt(cell + offset)])
      .filter(([, v]) => v! > 0)
      .flat();
  const encoded = (offset: number) => encodeInkedCells(page(offset));
  return { cellMm: 1, columns: COLUMNS, rows: ROWS, pages: [encoded(0), encoded(7)], skewDegrees: 0 };
}

describe('comparing sides', () => {
  it('cannot tell two sides whose ink is everywhere, however alike', () => {
    const texture = print((cell) => 10 + (cell % 3));
    expect(
      compareSides(
        texture,
        print((cell) => 10 + (cell % 3)),
      ).verdict,
    ).toBe('too-little-ink');
  });

  it('still calls the same writing the same', () => {
    // Lines of writing: 3 cells of ink every 8 rows, words of 5 cells every 7 columns.
    const writing = (cell: number) => {
      const [x, y] = [cell % COLUMNS, Math.floor(cell / COLUMNS)];
      return y % 8 < 3 && x % 7 < 5 && (x * 31 + y * 17) % 5 !== 0 ? 60 : 0;
    };
    expect(compareSides(print(writing), print(writing)).verdict).toBe('same');
  });
});
