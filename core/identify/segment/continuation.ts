// Does this sheet continue the copy above it in the stack, or start a new one? Each piece of evidence
// is a log-likelihood ratio (continues : starts), so an empty header, a repeated name and the page
// numbers weigh together and an error stays local to the sheet that caused it.
import { logSumExp } from '../match/field-likelihood';
import type { HeaderEvidence } from '../match/header-matcher';
import { STRANGER_PRIOR } from '../match/posterior';
import { MAX_PAGE } from './page-value';
import type { SheetFacts } from './sheet-facts';

/** Students fill the header again on a later sheet about a quarter of the time... */
const HEADER_FILLED_ON_LATER_SHEET = 0.25;
/** ...and forget it on their first sheet rarely. */
const HEADER_FORGOTTEN_ON_FIRST_SHEET = 0.03;

export interface ContinuationOdds {
  /** log P(evidence | continues) - log P(evidence | starts a new copy). */
  total: number;
  header: number;
  pages: number;
}

/** log of Σ prior × e^evidence over roster ∪ nobody; `evidence` null means no information (0 everywhere). */
function logEvidenceMass(evidence: Float64Array | null, size: number, logStudent: number): number {
  if (!evidence) return 0;
  return logSumExp([Math.log(STRANGER_PRIOR), ...Array.from(evidence, (e) => logStudent + e)]);
}

/**
 * How much more likely the two headers are if one student wrote both than if two did: the copy's
 * evidence and the sheet's, multiplied student by student, against each on its own.
 */
function sameWriterLogRatio(copy: HeaderEvidence | null, sheet: HeaderEvidence): number {
  const size = sheet.total.length;
  const logStudent = Math.log((1 - STRANGER_PRIOR) / Math.max(1, size));
  const joint = copy ? Float64Array.from(sheet.total, (e, k) => e + (copy.total[k] as number)) : sheet.total;
  return (
    logEvidenceMass(joint, size, logStudent) -
    logEvidenceMass(copy?.total ?? null, size, logStudent) -
    logEvidenceMass(sheet.total, size, logStudent)
  );
}

function headerTerm(copy: HeaderEvidence | null, sheet: SheetFacts): number {
  if (sheet.header === 'empty')
    return Math.log(1 - HEADER_FILLED_ON_LATER_SHEET) - Math.log(HEADER_FORGOTTEN_ON_FIRST_SHEET);
  if (sheet.header === 'unread' || !sheet.evidence) return 0;
  const filled = Math.log(HEADER_FILLED_ON_LATER_SHEET) - Math.log(1 - HEADER_FORGOTTEN_ON_FIRST_SHEET);
  return filled + sameWriterLogRatio(copy, sheet.evidence);
}

/** Page p of the next sheet reads 4·(sheets so far) + p if the sheet continues the copy, p if it starts one. */
function pagesTerm(sheetsSoFar: number, sheet: SheetFacts): number {
  let sum = 0;
  sheet.numbers.forEach((likelihood, p) => {
    if (!likelihood) return;
    const continued = Math.min(MAX_PAGE, 4 * sheetsSoFar + p + 1);
    sum += (likelihood[continued] as number) - (likelihood[p + 1] as number);
  });
  return sum;
}

export function continuationOdds(
  copyEvidence: HeaderEvidence | null,
  sheetsSoFar: number,
  sheet: SheetFacts,
): ContinuationOdds {
  const header = headerTerm(copyEvidence, sheet);
  const pages = pagesTerm(sheetsSoFar, sheet);
  return { total: header + pages, header, pages };
}
