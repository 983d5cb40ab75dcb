// Does this sheet continue the copy above it in the stack, or start a new one? Each piece of evidence
// is a log-likelihood ratio (continues : starts), so an empty header, a repeated name, the page numbers
// and the page totals weigh together and an error stays local to the sheet that caused it.
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
  /** The "/ N" of the page boxes: one copy has one total. */
  totals: number;
}

/** What the copy so far says about itself, beside its header evidence. */
export interface CopySoFar {
  evidence: HeaderEvidence | null;
  sheets: readonly SheetFacts[];
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

/** A sheet lost before scanning (jam, left on the desk): rare, but it must not pass for a misreading. */
const SHEET_LOST = 0.01;
/** Sheet positions a copy can reach: 4j+1..4j+4 ≤ MAX_PAGE. */
const POSITIONS = Math.floor(MAX_PAGE / 4);

/** log-likelihood of the sheet's page numbers if it holds pages 4j+1..4j+4. */
function positionLikelihood(sheet: SheetFacts, j: number): number {
  let sum = 0;
  sheet.numbers.forEach((likelihood, p) => {
    if (likelihood) sum += likelihood[4 * j + p + 1] as number;
  });
  return sum;
}

/** log P(page numbers | the sheet sits at `expected`, or further on when sheets before it were lost). */
function positionTerm(sheet: SheetFacts, expected: number): number {
  const later = Array.from({ length: POSITIONS - expected - 1 }, (_, k) => expected + 1 + k);
  return logSumExp([
    Math.log(1 - SHEET_LOST) + positionLikelihood(sheet, expected),
    ...later.map((j) => Math.log(SHEET_LOST / POSITIONS) + positionLikelihood(sheet, j)),
  ]);
}

/**
 * Continuing, the sheet holds pages 4·(sheets so far)+1..; starting, pages 1..4. Either may follow a lost
 * sheet, so "5–8 after 1–4" is weighed against "a new copy whose first sheet was lost", not against four
 * misread boxes.
 */
function pagesTerm(sheetsSoFar: number, sheet: SheetFacts): number {
  if (sheet.numbers.every((n) => n === null)) return 0;
  return positionTerm(sheet, Math.min(sheetsSoFar, POSITIONS - 1)) - positionTerm(sheet, 0);
}

/** Σ of the log-likelihoods of every readable "/ N" box, value by value; null when none is readable. */
function combinedTotals(sheets: readonly SheetFacts[]): Float64Array | null {
  const read = sheets.flatMap((s) => s.totals).filter((t): t is Float64Array => t !== null);
  if (read.length === 0) return null;
  return Float64Array.from(read[0] as Float64Array, (_, v) =>
    read.reduce((sum, t) => sum + (t[v] as number), 0),
  );
}

/** log Σ over the values a total can take (1..MAX_PAGE, uniform prior) of e^(Σ of the given likelihoods). */
function logMass(...likelihoods: Float64Array[]): number {
  const terms: number[] = [];
  for (let v = 1; v <= MAX_PAGE; v++) terms.push(likelihoods.reduce((sum, l) => sum + (l[v] as number), 0));
  return logSumExp(terms) - Math.log(MAX_PAGE);
}

/**
 * Continuing, the sheet's total is the copy's; starting, it is anyone's. Without this, a student's second
 * sheet numbered 5–8 of 8 would continue another student's 4-page copy just because 5 follows 4.
 */
function totalsTerm(copy: readonly SheetFacts[], sheet: SheetFacts): number {
  const before = combinedTotals(copy);
  const own = combinedTotals([sheet]);
  if (!before || !own) return 0;
  return logMass(before, own) - logMass(before) - logMass(own);
}

export function continuationOdds(copy: CopySoFar, sheet: SheetFacts): ContinuationOdds {
  const header = headerTerm(copy.evidence, sheet);
  const pages = pagesTerm(copy.sheets.length, sheet);
  const totals = totalsTerm(copy.sheets, sheet);
  return { total: header + pages + totals, header, pages, totals };
}
