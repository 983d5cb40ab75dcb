// A page-box cell cut into one strip per digit: two digits standing apart, one digit, none.
import { describe, expect, it } from 'vitest';
import { splitGlyphs } from '../../../core/identify/locate/glyphs';
import { paintedCell } from './painted-cell';

const W = 44;
const H = 50;

describe('splitGlyphs', () => {
  it('cuts two digits apart in the gap between them', () => {
    // A "1" and a wider "2" side by side.
    const cell = paintedCell(W, H, (p) => {
      p.rect(8, 12, 12, 38);
      p.rect(20, 12, 36, 16);
      p.rect(32, 12, 36, 26);
      p.rect(20, 24, 36, 28);
      p.rect(20, 24, 24, 38);
      p.rect(20, 34, 36, 38);
    });
    const strips = splitGlyphs(cell);
    expect(strips.map((s) => [s.width, s.height])).toEqual([
      [16, H],
      [W - 16, H],
    ]);
    // No ink is lost: the strips hold every dark pixel of the cell.
    const dark = (c: { data: Uint8Array }) => c.data.filter((v) => v < 128).length;
    expect(strips.reduce((sum, s) => sum + dark(s), 0)).toBe(dark(cell));
  });

  it('cuts two touching digits where they meet, when they fill the box', () => {
    // A "1" whose foot runs into a "2": one stroke joins them.
    const cell = paintedCell(W, H, (p) => {
      p.rect(4, 14, 8, 38);
      p.rect(4, 34, 24, 38);
      p.rect(22, 14, 40, 18);
      p.rect(36, 14, 40, 26);
      p.rect(22, 24, 40, 28);
      p.rect(22, 24, 26, 38);
      p.rect(22, 34, 40, 38);
    });
    const strips = splitGlyphs(cell);
    expect(strips).toHaveLength(2);
    expect(strips[0]?.width).toBeGreaterThan(8);
    expect(strips[0]?.width).toBeLessThan(22);
  });

  it('keeps a wide single digit whole: its middle crosses two strokes', () => {
    // A wide "0".
    const cell = paintedCell(W, H, (p) => {
      p.rect(4, 14, 40, 18);
      p.rect(4, 34, 40, 38);
      p.rect(4, 14, 8, 38);
      p.rect(36, 14, 40, 38);
    });
    expect(splitGlyphs(cell)).toEqual([cell]);
  });

  it('keeps one digit whole', () => {
    const cell = paintedCell(W, H, (p) => {
      p.rect(14, 12, 30, 16);
      p.rect(26, 12, 30, 38);
    });
    expect(splitGlyphs(cell)).toEqual([cell]);
  });

  it('does not cut off a speck beside a digit', () => {
    const cell = paintedCell(W, H, (p) => {
      p.rect(14, 12, 18, 38);
      p.rect(34, 30, 38, 33);
    });
    expect(splitGlyphs(cell)).toHaveLength(1);
  });

  it('finds nothing in an empty box', () => {
    expect(splitGlyphs(paintedCell(W, H, undefined, true))).toEqual([]);
  });
});
