// The reader reports, per box, P(symbol | image) under its own training balance. Dividing by that balance
// turns it into a likelihood P(image | symbol) up to a constant, which is what lets the matcher compare
// any hypothesis (a roster student, or nobody) on the same footing.
import type { CellReading, FieldReading } from '../types';

/**
 * Share of a cell's belief moved to "could be any character": a reader is sometimes sure and wrong about
 * which character it sees, and one over-confident box must not veto (or crown) a student on its own.
 */
const CHARACTER_DOUBT = 0.1;
/**
 * The same for ink versus no ink, which is measured from pixels and far more reliable than the character:
 * a row written on where a name should have ended is strong evidence against that name.
 */
const INK_DOUBT = 0.02;
/** The balance a reader is assumed to have been trained with: as many empty boxes as written ones. */
const READER_EMPTY_BALANCE = 0.5;

/** Per cell, the log-likelihood of each symbol: indices 0..alphabet.length-1 are characters, then empty. */
export interface FieldLikelihood {
  alphabet: string;
  cells: Float64Array[];
}

export function emptySymbol(field: { alphabet: string }): number {
  return field.alphabet.length;
}

function cellLogLikelihood(cell: CellReading, size: number, where: string): Float64Array {
  if (cell.probs.length !== size) {
    throw new Error(`${where}: a cell has ${cell.probs.length} character scores, the alphabet has ${size}`);
  }
  const clean = (p: number) => (Number.isFinite(p) && p > 0 ? p : 0);
  const total = cell.probs.reduce((sum, p) => sum + clean(p), 0);
  const empty = Math.min(1, clean(cell.empty));
  // Likelihood = P(ink or not | image) x P(character | image, ink), each divided by the reader's balance.
  const blank = Math.log(((1 - INK_DOUBT) * empty) / READER_EMPTY_BALANCE + INK_DOUBT);
  const inked = Math.log(((1 - INK_DOUBT) * (1 - empty)) / (1 - READER_EMPTY_BALANCE) + INK_DOUBT);
  const out = new Float64Array(size + 1);
  for (let c = 0; c < size; c++) {
    const belief = total > 0 ? clean(cell.probs[c] ?? 0) / total : 1 / size;
    out[c] = inked + Math.log((1 - CHARACTER_DOUBT) * belief * size + CHARACTER_DOUBT);
  }
  out[size] = blank;
  return out;
}

export function fieldLikelihood(field: FieldReading, where: string): FieldLikelihood {
  return {
    alphabet: field.alphabet,
    cells: field.cells.map((cell) => cellLogLikelihood(cell, field.alphabet.length, where)),
  };
}

/** log(sum(exp(values))) without overflow. */
export function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}
