// Students do not always write one character per box from the first box on: some start one box late,
// skip a letter, or write one letter twice. The alignment allows one such slip per row (at a price), and a
// name longer than the row is cut where the boxes end, as the student had to.
import { emptySymbol, logSumExp, type FieldLikelihood } from './field-likelihood';
import type { Slot } from './name-variants';
import { NAME_ROW_LEFT_EMPTY } from './writing-habits';

/** Price of one slip: a skipped or extra box. One in fifty students makes one in a row. */
const LOG_SLIP = Math.log(0.02);
const LOG_ROW_LEFT_EMPTY = Math.log(NAME_ROW_LEFT_EMPTY);
const LOG_ROW_WRITTEN = Math.log(1 - NAME_ROW_LEFT_EMPTY);

/** What each cell says about "a character outside the alphabet, or an extra box of any kind". */
interface CellSummaries {
  anyChar: Float64Array;
  extraBox: Float64Array;
  /** Sum of the empty log-likelihoods from cell i to the end of the row. */
  emptyFrom: Float64Array;
  index: Map<string, number>;
}

function summarise(field: FieldLikelihood): CellSummaries {
  const n = field.cells.length;
  const size = field.alphabet.length;
  const empty = emptySymbol(field);
  const anyChar = new Float64Array(n);
  const extraBox = new Float64Array(n);
  const emptyFrom = new Float64Array(n + 1);
  field.cells.forEach((cell, i) => {
    const chars = Array.from(cell.subarray(0, size));
    anyChar[i] = logSumExp(chars) - Math.log(size);
    extraBox[i] = logSumExp([anyChar[i] as number, cell[empty] as number]) - Math.log(2);
  });
  for (let i = n - 1; i >= 0; i--) {
    emptyFrom[i] = (emptyFrom[i + 1] as number) + ((field.cells[i] as Float64Array)[empty] as number);
  }
  const index = new Map([...field.alphabet].map((char, i) => [char, i] as const));
  index.set('', empty);
  return { anyChar, extraBox, emptyFrom, index };
}

/** Scores the same field against many names: the per-cell summaries are computed once. */
export class NameRowAligner {
  private readonly summaries: CellSummaries;

  constructor(private readonly field: FieldLikelihood) {
    this.summaries = summarise(field);
  }

  /** log P(row | the student wrote these slots), up to the constant shared by every hypothesis. */
  logLikelihood(slots: readonly Slot[]): number {
    const written = this.bestAlignment(slots);
    const leftEmpty = this.summaries.emptyFrom[0] as number;
    return logSumExp([LOG_ROW_WRITTEN + written, LOG_ROW_LEFT_EMPTY + leftEmpty]);
  }

  private cellScore(i: number, char: string): number {
    const cell = this.field.cells[i] as Float64Array;
    const symbol = this.summaries.index.get(char);
    return symbol === undefined ? (this.summaries.anyChar[i] as number) : (cell[symbol] as number);
  }

  /** Viterbi over (cells used, slots used, slips used ≤ 1). */
  private bestAlignment(slots: readonly Slot[]): number {
    const n = this.field.cells.length;
    const m = slots.length;
    const { extraBox, emptyFrom } = this.summaries;
    const width = m + 1;
    const layer = (n + 1) * width;
    const dp = new Float64Array(2 * layer).fill(-Infinity);
    const at = (slips: number, i: number, j: number) => slips * layer + i * width + j;
    const raise = (k: number, value: number) => {
      if (value > (dp[k] as number)) dp[k] = value;
    };
    // A name too long for the row is cut at the last box; a shorter one must not stop early.
    const mayBeCut = m > n;
    dp[at(0, 0, 0)] = 0;
    let best = -Infinity;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= m; j++) {
        for (let slips = 0; slips <= 1; slips++) {
          const value = dp[at(slips, i, j)] as number;
          if (value === -Infinity) continue;
          if (j === m) best = Math.max(best, value + (emptyFrom[i] as number));
          else if (i === n && mayBeCut) best = Math.max(best, value);
          if (slips === 0 && i < n) raise(at(1, i + 1, j), value + LOG_SLIP + (extraBox[i] as number));
          if (j === m) continue;
          const slot = slots[j] as Slot;
          if ('char' in slot) {
            if (i < n) raise(at(slips, i + 1, j + 1), value + this.cellScore(i, slot.char));
            if (slips === 0) raise(at(1, i, j + 1), value + LOG_SLIP);
          } else {
            for (const option of slot.options) {
              if (option.char === null) raise(at(slips, i, j + 1), value + option.logPrior);
              else if (i < n)
                raise(at(slips, i + 1, j + 1), value + option.logPrior + this.cellScore(i, option.char));
            }
          }
        }
      }
    }
    return best;
  }
}
