// What a located header must look like: the CCYC's 24 / 20 / 8 boxes, each field's boxes side by side
// left to right at a steady pitch, the fields one under the other, and ink exactly where the student wrote.
import { expect } from 'vitest';
import type { LocatedCell } from '../../../core/identify/locate/boxed-region';
import { isEmptyCell } from '../../../core/identify/locate/cell-ink';
import type { LocatedHeader } from '../../../core/identify/locate/locate-header';
import type { ExpectedHeader } from './expected-header';

export function expectHeader(header: LocatedHeader | null, expected: ExpectedHeader, what: string): void {
  expect(header, `${what}: header found`).not.toBeNull();
  if (!header) return;
  const fields = ['lastName', 'firstName', 'birthDate'] as const;
  for (const field of fields) {
    expect(header[field].length, `${what}: ${field} boxes`).toBe(expected[field].length);
    expectInRow(header[field], header.skewDegrees, `${what}: ${field}`, field === 'birthDate' ? SLASHES : []);
    expect(
      header[field].map((cell) => !isEmptyCell(cell.image)),
      `${what}: ${field} boxes holding ink`,
    ).toEqual(expected[field]);
  }
  const rowY = fields.map((field) => (header[field][0] as LocatedCell).box.y);
  expect(rowY, `${what}: fields from top to bottom`).toEqual([...rowY].sort((a, b) => a - b));
}

/** Boxes of the date a printed slash may stand before (d d / m m / y y y y). */
const SLASHES = [2, 4];
/** The widest slash gap a printing may leave (the finder's limit), in box widths. */
const SLASH_GAP = 2.5;

/**
 * Left to right along the row (tilted as measured), each box one pitch (±15 %) further than the one before,
 * or, before the date's month and year, up to a slash's gap more.
 */
function expectInRow(
  cells: readonly LocatedCell[],
  skewDegrees: number,
  what: string,
  slashes: readonly number[],
): void {
  const first = (cells[0] as LocatedCell).box;
  const slope = Math.tan((skewDegrees * Math.PI) / 180);
  for (const [i, cell] of cells.entries()) {
    const offRow = cell.box.y - first.y - (cell.box.x - first.x) * slope;
    expect(Math.abs(offRow), `${what}: box ${i} on the row`).toBeLessThan(first.height / 4);
    expect(Math.abs(cell.box.width - first.width), `${what}: box ${i} width`).toBeLessThan(
      first.width * 0.15,
    );
    if (i === 0) continue;
    const step = cell.box.x - (cells[i - 1] as LocatedCell).box.x;
    expect(step, `${what}: box ${i} right of box ${i - 1}`).toBeGreaterThan(first.width * 0.85);
    const gap = slashes.includes(i) ? SLASH_GAP : 0.9;
    expect(step, `${what}: box ${i} next to box ${i - 1}`).toBeLessThan(first.width * (1 + gap));
  }
}
