// "Page n / N" read as a pair: the number is at most the total, and a total is a multiple of 4 unless its
// digits clearly say otherwise.
import { describe, expect, it } from 'vitest';
import { bestPair } from '../../core/identify/read-boxes';
import { DIGIT_ALPHABET, type CellReading, type FieldReading } from '../../core/identify/types';

/** A digit cell: the given digits with their probabilities, the rest sharing what is left. */
function cell(beliefs: Record<string, number>): CellReading {
  const given = Object.values(beliefs).reduce((a, b) => a + b, 0);
  const rest = (1 - given) / (10 - Object.keys(beliefs).length);
  return { empty: 0, probs: [...DIGIT_ALPHABET].map((d) => beliefs[d] ?? rest) };
}
const field = (...cells: CellReading[]): FieldReading => ({ alphabet: DIGIT_ALPHABET, cells });

describe('bestPair', () => {
  it('keeps clear readings as they are', () => {
    expect(bestPair(field(cell({ 3: 0.95 })), field(cell({ 8: 0.95 })))).toEqual({ number: 3, total: 8 });
    expect(
      bestPair(field(cell({ 1: 0.9 }), cell({ 0: 0.9 })), field(cell({ 1: 0.9 }), cell({ 2: 0.9 }))),
    ).toEqual({
      number: 10,
      total: 12,
    });
  });

  it('never reads a number above its total', () => {
    // "/ 8" whose 8 looks a little more like a 3, under a clear 5.
    expect(bestPair(field(cell({ 5: 0.95 })), field(cell({ 3: 0.5, 8: 0.45 })))).toEqual({
      number: 5,
      total: 8,
    });
  });

  it('reads a doubtful two-digit total as the multiple of 4 close behind', () => {
    // "/ 12" whose 2 looks a little more like a 3: 13 pages cannot make folded sheets, 12 can.
    const total = field(cell({ 1: 0.9 }), cell({ 3: 0.5, 2: 0.45 }));
    expect(bestPair(field(cell({ 6: 0.95 })), total)).toEqual({ number: 6, total: 12 });
  });

  it('keeps a total that is no multiple of 4 when its digits are sure of it', () => {
    expect(bestPair(field(cell({ 2: 0.95 })), field(cell({ 6: 0.99 })))).toEqual({ number: 2, total: 6 });
  });

  it('leaves an empty box empty', () => {
    expect(bestPair(field(), field(cell({ 8: 0.9 })))).toEqual({ number: null, total: 8 });
    expect(bestPair(field(), field())).toEqual({ number: null, total: null });
  });
});
