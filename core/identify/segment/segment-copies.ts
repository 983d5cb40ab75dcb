// Cuts the stack of sheets into copies, sheet by sheet, on the evidence each sheet carries (header,
// page box), never on fixed counts: a jammed or rescanned sheet then disturbs only its own copy.
import { combineEvidence } from '../match/combine-evidence';
import type { HeaderEvidence } from '../match/header-matcher';
import { continuationOdds, type ContinuationOdds } from './continuation';
import { hasReadablePageBox, type SheetFacts } from './sheet-facts';

/** Odds (100 : 1) a join needs, and a cut needs to pass without review. */
const SURE = Math.log(100);

export interface Segment {
  sheets: SheetFacts[];
  /** Evidence of every filled header of the segment, combined. */
  evidence: HeaderEvidence | null;
  reasons: string[];
}

function join(copy: Segment, sheet: SheetFacts): void {
  copy.sheets.push(sheet);
  copy.evidence = combineEvidence(copy.sheets.flatMap((s) => (s.evidence ? [s.evidence] : [])));
}

function start(previous: Segment | undefined, sheet: SheetFacts, odds: ContinuationOdds | null): Segment {
  const copy: Segment = { sheets: [sheet], evidence: sheet.evidence, reasons: [] };
  if (!previous || !odds) return copy;
  if (odds.total > -SURE) {
    if (sheet.header === 'empty' && !hasReadablePageBox(sheet)) {
      copy.reasons.push(`${sheet.label}: empty header and no readable page box`);
    }
    copy.reasons.push(`${sheet.label}: unclear whether it starts a new copy`);
    previous.reasons.push(`the next sheet may belong to this copy: ${sheet.label}`);
  }
  if (sheet.header === 'empty' && odds.pages <= -SURE) {
    copy.reasons.push(`${sheet.label}: page box says page 1 under an empty header`);
  }
  if (sheet.header === 'filled' && odds.pages >= SURE) {
    copy.reasons.push(
      `${sheet.label}: page box continues the previous copy but the header names someone else`,
    );
  }
  return copy;
}

export function segmentCopies(sheets: readonly SheetFacts[]): Segment[] {
  const copies: Segment[] = [];
  for (const sheet of sheets) {
    const current = copies.at(-1);
    const odds = current ? continuationOdds(current, sheet) : null;
    // Joined only when sure: a doubtful sheet kept apart costs the operator a merge, one joined wrongly
    // would mix two students' pages in one copy.
    if (current && odds && odds.total >= SURE) join(current, sheet);
    else copies.push(start(current, sheet, odds));
  }
  return copies;
}
