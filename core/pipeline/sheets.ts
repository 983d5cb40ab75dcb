// Folded A3 sheets: the recto side shows [P4 | P1], the verso [P2 | P3]. Without reading the sides,
// consecutive A3 sides pair up by position as recto then verso (pair-sides.ts pairs them from what each side
// is); an A4 page ends the run and stands alone. Pure functions over any page type.
import type { Half } from '../manifest';
import type { PageLayout } from '../pdf/page-geometry';

/** A unit that is a sheet (its two sides, or one side alone), not a loose A4 page. */
export type SheetUnit<P> = Exclude<StackUnit<P>, { kind: 'loose-page' }>;

export type StackUnit<P> =
  /** `reason` says so when only the sides' places in the stack paired them (pair-sides.ts). */
  | { kind: 'sheet'; recto: P; verso: P; reason?: string }
  /**
   * A sheet scanned on one side only. `recto` holds the side that was scanned, even when it is a verso
   * whose recto is missing (`lacks: 'recto'`): the store records that field as the sheet's first side.
   * `reason` names the side and why it was left alone, when pairing read the sides.
   */
  | { kind: 'incomplete-sheet'; recto: P; lacks: 'verso' | 'recto'; reason?: string }
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
      if (recto) units.push({ kind: 'incomplete-sheet', recto, lacks: 'verso' });
      recto = undefined;
      units.push({ kind: 'loose-page', page });
    } else if (recto) {
      units.push({ kind: 'sheet', recto, verso: page });
      recto = undefined;
    } else {
      recto = page;
    }
  }
  if (recto) units.push({ kind: 'incomplete-sheet', recto, lacks: 'verso' });
  return units;
}

/**
 * P1, P2, P3, P4 for a sheet; P1 then P4 when the verso is missing, P2 then P3 when the recto is. A sheet
 * fed upside down shows its recto as [P1 | P4] and its verso as [P3 | P2], each half turned 180°. Which
 * side came first through the scanner does not matter: the unit knows its recto and its verso.
 */
export function readingOrder<P>(unit: StackUnit<P>, upsideDown = false): PlacedHalf<P>[] {
  const [first, second]: [SideHalf, SideHalf] = upsideDown ? ['left', 'right'] : ['right', 'left'];
  const rotate = upsideDown ? 180 : 0;
  const at = (page: P, half: SideHalf): PlacedHalf<P> => ({ page, half, rotate });
  switch (unit.kind) {
    case 'sheet':
      return [at(unit.recto, first), at(unit.verso, second), at(unit.verso, first), at(unit.recto, second)];
    case 'incomplete-sheet':
      return unit.lacks === 'verso'
        ? [at(unit.recto, first), at(unit.recto, second)]
        : [at(unit.recto, second), at(unit.recto, first)];
    case 'loose-page':
      return [{ page: unit.page, half: 'full', rotate: 0 }];
  }
}

type SideHalf = 'left' | 'right';
