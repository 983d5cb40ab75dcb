import { describe, expect, it } from 'vitest';
import { compareSides } from '../../../core/identify/fingerprint/compare-sides';
import { generateBatch } from '../../generator/generate';
import { fingerprintBatch, paperOf } from './batch-prints';

describe('side fingerprints of a generated batch with rescans', () => {
  it('match every rescanned side with its first scan, and no two sides of different paper', async () => {
    const batch = await generateBatch({
      seed: 23,
      shape: 'bilevel',
      dpi: 200,
      students: 3,
      present: 3,
      sheetsPerStudent: [2, 3],
      blankHeaderFirstSheet: 2,
      duplicateSheets: { atEnd: 1, rightAfter: 1, repeatFile: 1 },
    });
    const sides = await fingerprintBatch(batch);
    const same: string[] = [];
    const expected: string[] = [];
    for (const [i, later] of sides.entries()) {
      for (const earlier of sides.slice(0, i)) {
        const pair = `${paperOf(earlier.truth)} ~ ${paperOf(later.truth)} (side ${i})`;
        if (paperOf(earlier.truth) === paperOf(later.truth)) expected.push(pair);
        if (compareSides(earlier.print, later.print).verdict === 'same') same.push(pair);
      }
    }
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(same).toEqual(expected);
  });
});
