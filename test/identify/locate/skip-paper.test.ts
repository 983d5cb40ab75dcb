// Stepping over paper four pixels at a time finds the same next dark pixel as looking at every pixel.
import { describe, expect, it } from 'vitest';
import { maskWords, nextDark } from '../../../core/identify/locate/skip-paper';

describe('nextDark', () => {
  it('finds the first dark pixel in [from, end), from any start to any end', () => {
    let seed = 11;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const bytes = Uint8Array.from({ length: 70 }, () => (random() < 0.08 ? 1 : 0));
    for (const offset of [0, 1, 4]) {
      const mask = bytes.subarray(offset, offset + 64);
      const words = maskWords(mask);
      expect(words === null).toBe(offset % 4 !== 0);
      for (let from = 0; from <= 64; from++) {
        for (let end = from; end <= 64; end++) {
          let expected = from;
          while (expected < end && mask[expected] === 0) expected++;
          expect(nextDark(mask, words, from, end)).toBe(expected);
        }
      }
    }
  });
});
