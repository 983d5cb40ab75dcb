import { describe, expect, it } from 'vitest';
import { groupSheets, readingOrder } from '../../core/pipeline/sheets';

type Page = { id: string; layout: 'a3' | 'a4' };
const a3 = (id: string): Page => ({ id, layout: 'a3' });
const a4 = (id: string): Page => ({ id, layout: 'a4' });

/** Reading order as "page:half" strings, one array per unit. */
const read = (pages: Page[]) =>
  groupSheets(pages).map((unit) => readingOrder(unit).map(({ page, half }) => `${page.id}:${half}`));

describe('groupSheets and readingOrder', () => {
  it('pairs recto [P4 | P1] with verso [P2 | P3] into P1, P2, P3, P4', () => {
    expect(read([a3('r1'), a3('v1'), a3('r2'), a3('v2')])).toEqual([
      ['r1:right', 'v1:left', 'v1:right', 'r1:left'],
      ['r2:right', 'v2:left', 'v2:right', 'r2:left'],
    ]);
  });

  it('keeps an A4 page alone, in place, and lets it end a run of A3 sides', () => {
    const units = groupSheets([a3('r1'), a3('v1'), a4('annex'), a3('r2'), a3('v2')]);
    expect(units.map((unit) => unit.kind)).toEqual(['sheet', 'loose-page', 'sheet']);
    expect(read([a4('first'), a3('r1'), a3('v1')])).toEqual([
      ['first:full'],
      ['r1:right', 'v1:left', 'v1:right', 'r1:left'],
    ]);
  });

  it('keeps the P1 and P4 of a recto left without verso by an A4 page or the end of the stack', () => {
    expect(read([a3('r1'), a3('v1'), a3('r2'), a4('annex'), a3('r3')])).toEqual([
      ['r1:right', 'v1:left', 'v1:right', 'r1:left'],
      ['r2:right', 'r2:left'],
      ['annex:full'],
      ['r3:right', 'r3:left'],
    ]);
    expect(groupSheets([a3('r1'), a4('x')]).map((unit) => unit.kind)).toEqual([
      'incomplete-sheet',
      'loose-page',
    ]);
  });

  it('reads a sheet fed upside down as recto [P1 | P4] and verso [P3 | P2], every half turned 180°', () => {
    const [sheet, incomplete] = groupSheets([a3('r1'), a3('v1'), a3('r2')]);
    const turned = (unit: typeof sheet) =>
      readingOrder(unit!, true).map(({ page, half, rotate }) => `${page.id}:${half}:${rotate}`);
    expect(turned(sheet)).toEqual(['r1:left:180', 'v1:right:180', 'v1:left:180', 'r1:right:180']);
    expect(turned(incomplete)).toEqual(['r2:left:180', 'r2:right:180']);
  });

  it('places every half of every page exactly once', () => {
    const pages = [a4('a'), a3('b'), a3('c'), a3('d'), a4('e'), a4('f'), a3('g'), a3('h'), a3('i')];
    const placed = read(pages).flat();
    const expected = pages.flatMap((p) =>
      p.layout === 'a3' ? [`${p.id}:left`, `${p.id}:right`] : [`${p.id}:full`],
    );
    expect([...placed].sort()).toEqual([...expected].sort());
  });

  it('makes nothing of an empty stack', () => {
    expect(groupSheets([])).toEqual([]);
  });
});
