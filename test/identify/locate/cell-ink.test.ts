// Empty or written: scanner noise, what is left of a box's rules, JPEG blotches and dust are not ink; a
// hyphen or an apostrophe, small as they are, is. Cells are 40 × 50 pixels: a 5.6 × 7 mm box at 180 dpi.
import { describe, expect, it } from 'vitest';
import { cellInk, isEmptyCell } from '../../../core/identify/locate/cell-ink';
import { paintedCell } from './painted-cell';

const W = 40;
const H = 50;

describe('isEmptyCell', () => {
  it('calls paper with scanner noise empty', () => {
    const cell = paintedCell(W, H, undefined, true);
    expect(cellInk(cell)).toBe(0);
    expect(isEmptyCell(cell)).toBe(true);
  });

  it('calls a box with bits of its rules left along the edges empty', () => {
    const cell = paintedCell(W, H, (p) => {
      p.rect(0, 0, W, 2);
      p.rect(0, H - 3, W, H);
      p.rect(0, 0, 2, H, 90);
      p.rect(W - 4, 10, W - 2, 30);
    });
    expect(isEmptyCell(cell)).toBe(true);
  });

  it('calls light JPEG blotches and a speck of dust empty', () => {
    const cell = paintedCell(W, H, (p) => {
      p.rect(12, 12, 16, 16, 190);
      p.rect(25, 30, 29, 33, 170);
      p.disc(20, 40, 1.5, 50);
    });
    expect(isEmptyCell(cell)).toBe(true);
  });

  it('sees a small hyphen', () => {
    const cell = paintedCell(W, H, (p) => p.rect(14, 24, 26, 27, 60), true);
    expect(isEmptyCell(cell)).toBe(false);
  });

  it('sees an apostrophe high in the box', () => {
    const cell = paintedCell(W, H, (p) => p.rect(19, 9, 22, 18, 60), true);
    expect(isEmptyCell(cell)).toBe(false);
  });

  it('measures a letter as a fair share of the box', () => {
    const letter = paintedCell(W, H, (p) => {
      p.rect(10, 10, 14, 40);
      p.rect(26, 10, 30, 40);
      p.rect(10, 23, 30, 27);
    });
    expect(cellInk(letter)).toBeGreaterThan(0.1);
    expect(cellInk(letter)).toBeLessThan(0.3);
  });
});
