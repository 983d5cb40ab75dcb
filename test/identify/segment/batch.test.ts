// Whole simulated stacks (27 of 30 students, 1–3 sheets each, headers repeated on a quarter of later
// sheets, page boxes read a little better than names): zero wrong `ready`, copies cut where they should be.
import { describe, expect, it } from 'vitest';
import { generatedClass } from '../match/class-roster';
import { nearTwinClass } from '../match/near-twins';
import type { Confidence } from '../match/simulate';
import { sweepBatches } from './batch-sweep';

const classes = [generatedClass(200, 30), generatedClass(201, 30), nearTwinClass(202)];

describe.each(['honest', 'overconfident'] as Confidence[])('stacks read by a %s reader', (confidence) => {
  it.each([0.25, 0.55, 0.9])('never gives a copy wrongly at %s per-character accuracy', (accuracy) => {
    const count = sweepBatches(
      classes,
      { accuracy, confidence },
      { accuracy: Math.min(0.95, accuracy + 0.1), confidence },
      7,
    );
    expect(count.wrong).toBe(0);
    if (accuracy >= 0.55) expect(count.exactCopies / count.handedIn).toBeGreaterThan(0.97);
  });
});

describe('identification over a stack', () => {
  it('identifies most students once the reader gets 70 % of characters right', () => {
    const count = sweepBatches(
      classes.slice(0, 2),
      { accuracy: 0.7, confidence: 'honest' },
      { accuracy: 0.8, confidence: 'honest' },
      9,
    );
    expect(count.right / count.handedIn).toBeGreaterThan(0.9);
    expect(count.exactCopies).toBe(count.handedIn);
  });
});
