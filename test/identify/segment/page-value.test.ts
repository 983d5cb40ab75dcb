import { describe, expect, it } from 'vitest';
import { mostLikely, pageValueLikelihood } from '../../../core/identify/segment/page-value';
import { DIGIT_ALPHABET, type CellReading } from '../../../core/identify/types';
import { sureCell } from '../match/simulate';

function field(cells: CellReading[]) {
  return { alphabet: DIGIT_ALPHABET, cells };
}

describe('reading a page number with doubt', () => {
  it('reads the digits of its cells left to right, skipping empty cells', () => {
    const twelve = pageValueLikelihood(field([sureCell('1', 'digit'), sureCell('2', 'digit')]));
    const seven = pageValueLikelihood(field([sureCell('', 'digit'), sureCell('7', 'digit')]));
    const five = pageValueLikelihood(field([sureCell('5', 'digit')]));
    expect(twelve && mostLikely(twelve, 0).value).toBe(12);
    expect(seven && mostLikely(seven, 0).value).toBe(7);
    expect(five && mostLikely(five, 0).value).toBe(5);
  });

  it('gives nothing for a box left empty or read with another alphabet', () => {
    expect(pageValueLikelihood(field([sureCell('', 'digit'), sureCell('', 'digit')]))).toBeNull();
    expect(pageValueLikelihood({ alphabet: 'AB', cells: [{ empty: 0, probs: [1, 0] }] })).toBeNull();
    expect(pageValueLikelihood(undefined)).toBeNull();
  });

  it('keeps a doubtful digit open: a 5 that may be a 6 barely beats 6, and far beats 1', () => {
    const probs = [...DIGIT_ALPHABET].map((d) => (d === '5' ? 0.55 : d === '6' ? 0.4 : 0.05 / 8));
    const likelihood = pageValueLikelihood(field([{ empty: 0.01, probs }]));
    if (!likelihood) throw new Error('expected a reading');
    expect(mostLikely(likelihood, 6).against).toBeLessThan(0.5);
    expect(mostLikely(likelihood, 1).against).toBeGreaterThan(3);
  });
});
