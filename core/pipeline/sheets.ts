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
  /** Extra clockwise rotation that puts the half upright: 180 for a sheet fed upside down. */
  rotate: 0 | 180;
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

/**
 * P1, P2, P3, P4 for a sheet; P1 then P4 when the verso is missing. A sheet fed upside down shows its
 * recto as [P1 | P4] and its verso as [P3 | P2], each half turned 180°.
 */
export function readingOrder<P>(unit: StackUnit<P>, upsideDown = false): PlacedHalf<P>[] {
  const [first, second]: [SideHalf, SideHalf] = upsideDown ? ['left', 'right'] : ['right', 'left'];
  const rotate = upsideDown ? 180 : 0;
  const at = (page: P, half: SideHalf): PlacedHalf<P> => ({ page, half, rotate });
  switch (unit.kind) {
    case 'sheet':
      return [at(unit.recto, first), at(unit.verso, second), at(unit.verso, first), at(unit.recto, second)];
    case 'incomplete-sheet':
      return [at(unit.recto, first), at(unit.recto, second)];
    case 'loose-page':
      return [{ page: unit.page, half: 'full', rotate: 0 }];
  }
}

type SideHalf = 'left' | 'right';
