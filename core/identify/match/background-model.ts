// "Nobody in the roster": the header of someone the roster does not list (a stranger, a student from
// another class) or garbage read from a smudged header. Every student is scored against this model, so a
// bad reading leaves every student behind it instead of crowning the least-bad one. It is fitted to the
// roster itself: a stranger writes names of the same lengths and letters and is born in the same years.
import { normalizeName, type RosterStudent } from '../../roster/load-roster';
import { DIGIT_ALPHABET, NAME_ALPHABET } from '../types';
import { emptySymbol, logSumExp, type FieldLikelihood } from './field-likelihood';
import { nameVariants } from './name-variants';
import { dateAsWritten } from './score-date';
import { DATE_ROW_LEFT_EMPTY, NAME_ROW_LEFT_EMPTY } from './writing-habits';

/** For one row: per cell, the probability of each symbol (characters, then empty); and of a blank row. */
export interface RowPrior {
  cells: Float64Array[];
  emptyRow: number;
}

export interface BackgroundModel {
  lastName: RowPrior;
  firstName: RowPrior;
  birthDate: RowPrior;
}

/** Inside a written date, a box left empty is rare. */
const DATE_CELL_LEFT_EMPTY = 0.01;
/** More boxes than any header row has; a longer row reuses the last position's prior. */
const MODELLED_BOXES = 40;
/** Weight of the uniform alphabet in the character frequencies, for names and digits the roster lacks. */
const UNIFORM_SHARE = 0.5;

function mixWithUniform(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (1 - UNIFORM_SHARE) * (total > 0 ? c / total : 0) + UNIFORM_SHARE / counts.length);
}

function namePrior(
  lengths: { length: number; weight: number }[],
  letters: number[],
  boxes: number,
): RowPrior {
  const total = lengths.reduce((sum, l) => sum + l.weight, 0);
  const cells = Array.from({ length: boxes }, (_, i) => {
    const ended = lengths.reduce((sum, l) => sum + (l.length <= i ? l.weight : 0), 0);
    const empty = Math.min(0.98, Math.max(0.02, (ended + 0.5) / (total + 1)));
    return Float64Array.from([...letters.map((f) => (1 - empty) * f), empty]);
  });
  return { cells, emptyRow: NAME_ROW_LEFT_EMPTY };
}

function datePrior(students: readonly RosterStudent[]): RowPrior {
  const cells = Array.from({ length: 8 }, (_, i) => {
    const counts = [...DIGIT_ALPHABET].map(
      (d) => students.filter((s) => dateAsWritten(s.birthDate)[i] === d).length,
    );
    const freq = mixWithUniform(counts);
    return Float64Array.from([...freq.map((f) => (1 - DATE_CELL_LEFT_EMPTY) * f), DATE_CELL_LEFT_EMPTY]);
  });
  return { cells, emptyRow: DATE_ROW_LEFT_EMPTY };
}

export function buildBackgroundModel(students: readonly RosterStudent[]): BackgroundModel {
  const letterCounts = new Array<number>(NAME_ALPHABET.length).fill(0);
  const lastLengths: { length: number; weight: number }[] = [];
  const firstLengths: { length: number; weight: number }[] = [];
  for (const student of students) {
    for (const variant of nameVariants(student.name)) {
      const weight = Math.exp(variant.logPrior);
      lastLengths.push({ length: variant.lastName.length, weight });
      firstLengths.push({ length: variant.firstName.length, weight });
    }
    for (const char of normalizeName(student.name)) {
      const k = NAME_ALPHABET.indexOf(char);
      if (k >= 0) letterCounts[k] = (letterCounts[k] as number) + 1;
    }
  }
  const letters = mixWithUniform(letterCounts);
  return {
    lastName: namePrior(lastLengths, letters, MODELLED_BOXES),
    firstName: namePrior(firstLengths, letters, MODELLED_BOXES),
    birthDate: datePrior(students),
  };
}

/** log P(row | nobody), marginalised over everything nobody could have written, cell by cell. */
export function backgroundLogLikelihood(field: FieldLikelihood, prior: RowPrior, alphabet: string): number {
  const empty = emptySymbol(field);
  let written = 0;
  let blank = 0;
  field.cells.forEach((cell, i) => {
    // The reader's alphabet may differ from the one the prior was fitted on: map by character.
    const p = prior.cells[Math.min(i, prior.cells.length - 1)] as Float64Array;
    const terms = [Math.log(p[alphabet.length] as number) + (cell[empty] as number)];
    [...field.alphabet].forEach((char, c) => {
      const k = alphabet.indexOf(char);
      const share = k >= 0 ? (p[k] as number) : 0;
      if (share > 0) terms.push(Math.log(share) + (cell[c] as number));
    });
    written += logSumExp(terms);
    blank += cell[empty] as number;
  });
  return logSumExp([Math.log(1 - prior.emptyRow) + written, Math.log(prior.emptyRow) + blank]);
}
