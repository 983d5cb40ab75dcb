// A page's inked cells as text: the same cells and percentages back, in index order, whatever the gaps
// between them (one byte of gap, several, the first cell at 0); anything else is refused.
import { describe, expect, it } from 'vitest';
import {
  encodeInkedCells,
  forEachInkedCell,
  inkedCellCount,
} from '../../../core/identify/fingerprint/inked-cells';

const decoded = (text: string) => {
  const pairs: number[] = [];
  forEachInkedCell(text, (cell, percent) => pairs.push(cell, percent));
  return pairs;
};

describe('inked cells as text', () => {
  it('gives back every cell and percentage, small gaps and large', () => {
    const pairs = [0, 1, 1, 100, 128, 7, 129, 55, 16_511, 3, 2_000_000, 99, 2 ** 31 - 1, 50];
    const text = encodeInkedCells(pairs);
    expect(decoded(text)).toEqual(pairs);
    expect(inkedCellCount(text)).toBe(7);
    expect(encodeInkedCells([])).toBe('');
    expect(inkedCellCount('')).toBe(0);
  });

  it('takes two bytes a cell where cells lie close, as on a written page', () => {
    const pairs = Array.from({ length: 1000 }, (_, k) => [k * 3, (k % 100) + 1]).flat();
    const text = encodeInkedCells(pairs);
    expect(Buffer.from(text, 'base64')).toHaveLength(2000);
    expect(decoded(text)).toEqual(pairs);
  });

  it('refuses cells out of order, repeated or not whole, and percentages outside 1–100', () => {
    expect(() => encodeInkedCells([5, 10, 5, 10])).toThrow('cell 5 does not follow cell 5');
    expect(() => encodeInkedCells([5, 10, 3, 10])).toThrow('cell 3 does not follow cell 5');
    expect(() => encodeInkedCells([1.5, 10])).toThrow('cell 1.5 does not follow cell -1');
    expect(() => encodeInkedCells([2 ** 31, 10])).toThrow(`cell ${2 ** 31} does not follow`);
    expect(() => encodeInkedCells([0, 0])).toThrow(
      'cell 0: percentage 0 is not a whole number from 1 to 100',
    );
    expect(() => encodeInkedCells([0, 101])).toThrow('percentage 101');
  });

  it('refuses text cut short rather than reading past its end', () => {
    const text = encodeInkedCells([300, 40]);
    const cut = Buffer.from(text, 'base64').subarray(0, 2).toString('base64');
    expect(() => decoded(cut)).toThrow('the inked cells are cut short');
  });
});
