// What segmentation needs from one sheet reading: the state of its header, the header's evidence for
// every roster student, and the likelihoods of its page numbers.
import type { HeaderEvidence, HeaderMatcher } from '../match/header-matcher';
import type { SheetReading } from '../types';
import { pageValueLikelihood, type PageValueLikelihood } from './page-value';

export type HeaderState = 'filled' | 'empty' | 'unread';

export interface SheetFacts {
  /** Index in the stack of readings. */
  index: number;
  /** How reasons name the sheet ("sheet 3", or the caller's wording). */
  label: string;
  header: HeaderState;
  evidence: HeaderEvidence | null;
  /** "Page n" of P1..P4, then "/ N" of P1..P4 (null where nothing readable is written). */
  numbers: PageValueLikelihood[];
  totals: PageValueLikelihood[];
  notes: string[];
}

export function sheetFacts(
  reading: SheetReading,
  index: number,
  label: string,
  matcher: HeaderMatcher,
): SheetFacts {
  const header: HeaderState = reading.header === null ? 'unread' : reading.header.empty ? 'empty' : 'filled';
  const boxes = [0, 1, 2, 3].map((p) => reading.pageBoxes[p] ?? null);
  return {
    index,
    label,
    header,
    evidence: header === 'filled' && reading.header ? matcher.score(reading.header) : null,
    numbers: boxes.map((box) => (box && !box.empty ? pageValueLikelihood(box.number) : null)),
    totals: boxes.map((box) => (box && !box.empty ? pageValueLikelihood(box.total) : null)),
    notes: reading.notes,
  };
}

export function hasReadablePageBox(sheet: SheetFacts): boolean {
  return sheet.numbers.some((n) => n !== null) || sheet.totals.some((t) => t !== null);
}
