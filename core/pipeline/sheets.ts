// Folded A3 sheets: the recto side shows [P4 | P1], the verso [P2 | P3]. Consecutive A3 sides pair up as
// recto then verso; an A4 page ends the run and stands alone. Pure functions over any page type.
import type { Half } from '../manifest';
import type { PageLayout } from '../pdf/page-geometry';

export type StackUnit<P> =
  | { kind: 'sheet'; recto: P; verso: P }
  /** The last side of a run with an odd number of A3 sides: its verso is missing. */
  | { kind: 'incomplete-sheet'; recto: P }
  | { kind: 'loose-page'; page: P };

export interface PlacedHalf<P> {
  page: P;
  half: Half;
}

export function groupSheets<P extends { layout: PageLayout }>(pages: readonly P[]): StackUnit<P>[] {
  const units: StackUnit<P>[] = [];
  let recto: P | undefined;
  for (const page of pages) {
    if (page.layout === 'a4') {
      if (recto) units.push({ kind: 'incomplete-sheet', recto });
      recto = undefined;
      units.push({ kind: 'loose-page', page });
    } else if (recto) {
      units.push({ kind: 'sheet', recto, verso: page });
      recto = undefined;
    } else {
      recto = page;
    }
  }
  if (recto) units.push({ kind: 'incomplete-sheet', recto });
  return units;
}

/** P1, P2, P3, P4 for a sheet; P1 then P4 when the verso is missing. */
export function readingOrder<P>(unit: StackUnit<P>): PlacedHalf<P>[] {
  switch (unit.kind) {
    case 'sheet':
      return [
        { page: unit.recto, half: 'right' },
        { page: unit.verso, half: 'left' },
        { page: unit.verso, half: 'right' },
        { page: unit.recto, half: 'left' },
      ];
    case 'incomplete-sheet':
      return [
        { page: unit.recto, half: 'right' },
        { page: unit.recto, half: 'left' },
      ];
    case 'loose-page':
      return [{ page: unit.page, half: 'full' }];
  }
}
