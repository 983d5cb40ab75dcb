// Once a copy's sheets are known, its page boxes should count 1, 2, 3... and agree on the total. A clear
// disagreement (a jammed sheet, a rescan, a sheet from someone else) sends the copy to review.
import { MAX_PAGE, mostLikely } from './page-value';
import type { SheetFacts } from './sheet-facts';

/** How much better the misreading must fit than the expected value (about 20 : 1) to be reported. */
const CLEAR = Math.log(20);

/** log-likelihood that the sheet holds pages 4j+1..4j+4, for every j a copy could reach. */
function positionLikelihood(sheet: SheetFacts): Float64Array {
  const positions = Math.floor(MAX_PAGE / 4);
  return Float64Array.from({ length: positions }, (_, j) =>
    sheet.numbers.reduce(
      (sum, likelihood, p) => sum + (likelihood ? (likelihood[4 * j + p + 1] as number) : 0),
      0,
    ),
  );
}

/**
 * A sheet numbered as another position in its copy: a missing, repeated or foreign sheet. One misread box
 * does not fit any other position, so it cannot raise this on its own.
 */
function numberingProblems(sheets: readonly SheetFacts[]): string[] {
  return sheets.flatMap((sheet, j) => {
    if (sheet.numbers.every((n) => n === null)) return [];
    const read = mostLikely(positionLikelihood(sheet), j);
    if (read.value === j || read.against < CLEAR) return [];
    const pages = (k: number) => `${4 * k + 1}-${4 * k + 4}`;
    return [
      `${sheet.label}: page boxes say pages ${pages(read.value)} where pages ${pages(j)} were expected`,
    ];
  });
}

function totalProblem(sheets: readonly SheetFacts[]): string[] {
  const totals = sheets.flatMap((s) => s.totals).filter((t): t is Float64Array => t !== null);
  if (totals.length === 0) return [];
  const combined = Float64Array.from(totals[0] as Float64Array, (_, v) =>
    totals.reduce((sum, t) => sum + (t[v] as number), 0),
  );
  const pages = 4 * sheets.length;
  const read = mostLikely(combined, pages);
  return read.value !== pages && read.against >= CLEAR
    ? [`page boxes give ${read.value} pages in all but the copy has ${pages}`]
    : [];
}

export function pageProblems(sheets: readonly SheetFacts[]): string[] {
  return [...numberingProblems(sheets), ...totalProblem(sheets)];
}
