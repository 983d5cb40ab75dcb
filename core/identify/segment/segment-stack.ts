// Cuts the stack of sheets into copies, sheet by sheet, on the evidence each sheet carries (header,
// page box), never on fixed counts: a jammed or rescanned sheet then disturbs only its own copy.
import { combineEvidence } from '../match/combine-evidence';
import type { HeaderEvidence } from '../match/header-matcher';
import { continuationOdds, type ContinuationOdds } from './continuation';
import { hasReadablePageBox, type SheetFacts } from './sheet-facts';

/** Odds (100 : 1) a cut or a join needs to pass without review. */
const SURE = Math.log(100);

export interface Segment {
  sheets: SheetFacts[];
  /** Evidence of every filled header of the segment, combined. */
  evidence: HeaderEvidence | null;
  reasons: string[];
}

function join(copy: Segment, sheet: SheetFacts, odds: ContinuationOdds): void {
  copy.sheets.push(sheet);
  copy.evidence = combineEvidence(copy.sheets.flatMap((s) => (s.evidence ? [s.evidence] : [])));
  if (odds.total >= SURE) return;
  if (!hasReadablePageBox(sheet) && sheet.header !== 'filled') {
    const header = sheet.header === 'empty' ? 'empty header' : 'header not read';
    copy.reasons.push(`${sheet.label}: ${header} and no readable page box`);
  } else {
    copy.reasons.push(`${sheet.label}: unclear whether it continues the copy`);
  }
}

function start(previous: Segment | undefined, sheet: SheetFacts, odds: ContinuationOdds | null): Segment {
  const copy: Segment = { sheets: [sheet], evidence: sheet.evidence, reasons: [] };
  if (!previous || !odds) return copy;
  if (odds.total > -SURE) {
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

export function segmentStack(sheets: readonly SheetFacts[]): Segment[] {
  const copies: Segment[] = [];
  for (const sheet of sheets) {
    const current = copies.at(-1);
    const odds = current ? continuationOdds(current, sheet) : null;
    if (current && odds && odds.total > 0) join(current, sheet, odds);
    else copies.push(start(current, sheet, odds));
  }
  return copies;
}
