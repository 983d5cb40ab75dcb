import { describe, expect, it } from 'vitest';
import { pairSides } from '../../core/pipeline/pair-sides';
import { groupSheets } from '../../core/pipeline/sheets';
import type { StackPage } from '../../core/pipeline/stack';
import { sheetWarnings } from '../../core/pipeline/sheet-warnings';

const box = { x0: 0, y0: 0, x1: 1, y1: 1 };

/** One file; '3' an A3 side, '4' an A4 page, '?' an A4-kept page of unusual size. */
const stack = (layouts: string): StackPage[] =>
  [...layouts].map((kind, position) => ({
    position,
    file: 1,
    source: position + 1,
    fileName: 'SKM1.pdf',
    geometry: { rotate: 0, mediaBox: box, cropBox: box, width: 1, height: 1 },
    layout: kind === '3' ? 'a3' : 'a4',
    ...(kind === '?' ? { unusual: 'too small for an exam page' } : {}),
  }));

describe('sheetWarnings', () => {
  it('says nothing about a stack of complete sheets and plain A4 pages', () => {
    expect(sheetWarnings(groupSheets(stack('33433')))).toEqual([]);
  });

  it('names the side without verso and the odd run it ends, counted from the last A4 page', () => {
    expect(sheetWarnings(groupSheets(stack('3343334')))).toEqual([
      'SKM1.pdf page 6 has no verso: its sheet is incomplete (P1 and P4 only); the run of 3 A3 sides from ' +
        'SKM1.pdf page 4 to SKM1.pdf page 6 is odd. If a side is missing earlier in that run, the sheets after ' +
        'it are paired wrongly: check them',
    ]);
  });

  it('names a lone A3 side and an unusual page', () => {
    expect(sheetWarnings(groupSheets(stack('4?3')))).toEqual([
      'SKM1.pdf page 2 is too small for an exam page',
      'SKM1.pdf page 3 has no verso: its sheet is incomplete (P1 and P4 only); it is a single A3 side between ' +
        'loose pages or at the end of the stack',
    ]);
  });

  it('names the sides pairing left alone from their roles, and nothing about the sheets around them', () => {
    const roles = ['recto', 'verso', 'recto', 'recto', 'verso', 'verso', 'recto', 'verso'] as const;
    const pages = stack('33333333');
    const units = pairSides(
      pages,
      (page) => ({ role: roles[page.position]!, sheetNo: null, copyPages: null }),
      (page) => `SKM1.pdf page ${page.source}`,
    );
    expect(sheetWarnings(units)).toEqual([
      'verso missing after SKM1.pdf page 3: the next side is another recto (a side dropped by the scanner?)',
      'recto missing for SKM1.pdf page 6: a verso (P2, P3) with no recto next to it (a side dropped by the scanner?)',
    ]);
  });
});
