// The handwritten "Page n / N" box, read with doubt: each field becomes a likelihood for every value it
// could hold, so that "is this page 5 or page 1?" is asked of the cell probabilities, not of a best guess.
import type { FieldReading } from '../types';

/** Values a page box can hold: 1..MAX_PAGE (a copy of 25 sheets would already be a stack error). */
export const MAX_PAGE = 99;
/** As for header boxes: a confident misreading must not settle a question alone. */
const DOUBT = 0.1;
/** Cells beyond this are not enumerated (11^3 combinations); a page number has at most two digits. */
const MAX_CELLS = 3;

/** log-likelihood of each value 0..MAX_PAGE, or null when nothing is written (or the box was not read). */
export type PageValueLikelihood = Float64Array | null;

function cellOptions(field: FieldReading): { digit: string; p: number }[][] {
  return field.cells.slice(0, MAX_CELLS).map((cell) => {
    const total = cell.probs.reduce((a, b) => a + (b > 0 ? b : 0), 0) || 1;
    const inked = 1 - Math.min(1, Math.max(0, cell.empty));
    return [
      { digit: '', p: 1 - inked },
      ...[...field.alphabet].map((digit, i) => ({
        digit,
        p: (inked * Math.max(0, cell.probs[i] ?? 0)) / total,
      })),
    ];
  });
}

/** P(value) for the string the cells spell left to right, empty cells skipped. */
function valueProbabilities(field: FieldReading): { values: Float64Array; blank: number } {
  const values = new Float64Array(MAX_PAGE + 1);
  let blank = 0;
  const walk = (options: { digit: string; p: number }[][], at: number, text: string, p: number) => {
    if (p < 1e-9) return;
    const cell = options[at];
    if (!cell) {
      if (text === '') blank += p;
      else if (Number(text) <= MAX_PAGE) values[Number(text)] = (values[Number(text)] as number) + p;
      return;
    }
    for (const option of cell) walk(options, at + 1, text + option.digit, p * option.p);
  };
  walk(cellOptions(field), 0, '', 1);
  return { values, blank };
}

export function pageValueLikelihood(field: FieldReading | undefined): PageValueLikelihood {
  if (!field || field.cells.length === 0 || !/^\d+$/.test(field.alphabet)) return null;
  const { values, blank } = valueProbabilities(field);
  if (blank >= 0.5) return null;
  const inked = 1 - blank;
  const uniform = 1 / values.length;
  return Float64Array.from(values, (p) => Math.log(((1 - DOUBT) * p) / inked / uniform + DOUBT));
}

/** The most likely value and how strongly it beats `expected` (log-likelihood ratio, 0 when it is it). */
export function mostLikely(likelihood: Float64Array, expected: number): { value: number; against: number } {
  let value = 0;
  for (let v = 1; v < likelihood.length; v++)
    if ((likelihood[v] as number) > (likelihood[value] as number)) value = v;
  const expectedLog = likelihood[Math.min(Math.max(expected, 0), MAX_PAGE)] as number;
  return { value, against: (likelihood[value] as number) - expectedLog };
}
