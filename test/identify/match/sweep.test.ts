// Zero wrong `ready` across per-character accuracies from hopeless to good, for honest and for
// over-confident readers, on Pronote-like classes, near-twin classes and strangers. The full-size table
// is printed by `npx tsx test/identify/match/accuracy-table.ts`.
import { describe, expect, it } from 'vitest';
import { generatedClass } from './class-roster';
import { sweepHeaders } from './experiments';
import { nearTwinClass } from './near-twins';
import type { Confidence } from './simulate';

const ACCURACIES = [0.25, 0.4, 0.55, 0.7, 0.9];
const CONFIDENCES: Confidence[] = ['honest', 'overconfident'];
const classes = Array.from({ length: 4 }, (_, i) => generatedClass(40 + i, 30));
const twinClasses = Array.from({ length: 4 }, (_, i) => nearTwinClass(60 + i));
const otherClasses = Array.from({ length: 4 }, (_, i) => generatedClass(80 + i, 30));

describe.each(CONFIDENCES)('a %s reader', (confidence) => {
  it.each(ACCURACIES)('never makes a wrong ready at %s per-character accuracy', (accuracy) => {
    const reader = { accuracy, confidence };
    const own = sweepHeaders(classes, reader, 1);
    const twins = sweepHeaders(twinClasses, reader, 2);
    const strangers = sweepHeaders(classes, reader, 3, otherClasses);
    expect({ own: own.wrong, twins: twins.wrong, strangers: strangers.wrong }).toEqual({
      own: 0,
      twins: 0,
      strangers: 0,
    });
    expect(strangers.headers).toBeGreaterThan(60);
  });
});

describe('identification rate', () => {
  it('grows with the reader’s accuracy and beats the notes’ position count (68 % at 55 %, 91 % at 70 %)', () => {
    const rate = (accuracy: number) => {
      const count = sweepHeaders(classes, { accuracy, confidence: 'honest' }, 4);
      return count.right / count.headers;
    };
    const [low, mid, high] = [rate(0.4), rate(0.55), rate(0.7)];
    expect(low).toBeLessThan(mid);
    expect(mid).toBeGreaterThan(0.75);
    expect(high).toBeGreaterThan(0.93);
  });
});
