import { describe, expect, it } from 'vitest';
import { generateBatch } from './generate';
import { expectedReading, readHalves } from './read-back';
import type { BatchTruth, GenerateOptions, TruthSheet, TruthSide } from './types';

/** The sides showing a sheet's pages, in stack order (a batch of one SKM file). */
function sidesOf(truth: BatchTruth, sheet: TruthSheet): TruthSide[] {
  const ids = new Set<number | undefined>(sheet.pages);
  return truth.sides.filter((s) => ids.has(s.left) || ids.has(s.right));
}

/** What each side of a sheet shows, as [left, right] page numbers (1..4) in stack order. */
function shownPages(truth: BatchTruth, sheet: TruthSheet): [number, number][] {
  const number = (id: number | undefined) => sheet.pages.indexOf(id as number) + 1;
  return sidesOf(truth, sheet).map((s) => [number(s.left), number(s.right)]);
}

const wrongWay: Partial<GenerateOptions> = { upsideDown: 1, versoFirst: 1, upsideDownVersoFirst: 1 };

describe('sheets fed the wrong way', () => {
  it.each([
    ['jpeg', { shape: 'jpeg', dpi: 40 }],
    ['compact', { shape: 'compact', dpi: 40 }],
  ] as const)(
    '%s: upside down, verso first, or both, as the truth says and the tags show',
    async (_, shape) => {
      const batch = await generateBatch({
        seed: 31,
        ...shape,
        students: 5,
        present: 5,
        sheetsPerStudent: [1, 2],
        ...wrongWay,
      });
      const { truth } = batch;
      const flagged = (upsideDown: boolean, versoFirst: boolean) =>
        truth.sheets.filter(
          (s) => (s.upsideDown ?? false) === upsideDown && (s.versoFirst ?? false) === versoFirst,
        );

      const [upsideDown] = flagged(true, false);
      const [versoFirst] = flagged(false, true);
      const [both] = flagged(true, true);
      expect([flagged(true, false), flagged(false, true), flagged(true, true)].map((s) => s.length)).toEqual([
        1, 1, 1,
      ]);
      // Turned end for end, a recto shows [P1 | P4] and a verso [P3 | P2]; verso first swaps the two sides.
      expect(shownPages(truth, upsideDown as TruthSheet)).toEqual([
        [1, 4],
        [3, 2],
      ]);
      expect(shownPages(truth, versoFirst as TruthSheet)).toEqual([
        [2, 3],
        [4, 1],
      ]);
      expect(shownPages(truth, both as TruthSheet)).toEqual([
        [3, 2],
        [1, 4],
      ]);
      for (const sheet of flagged(false, false)) {
        expect(shownPages(truth, sheet)).toEqual([
          [4, 1],
          [2, 3],
        ]);
      }
      const turnedSides = truth.sides.filter((s) => s.upsideDown);
      expect(turnedSides).toEqual([
        ...sidesOf(truth, upsideDown as TruthSheet),
        ...sidesOf(truth, both as TruthSheet),
      ]);

      const readings = await readHalves(batch.files, truth.sides, 40);
      expect(readings.map((r) => ({ upright: r.upright, turned: r.turned }))).toEqual(
        readings.map((r) => expectedReading(r.side, r.half)),
      );
      expect(readings.filter((r) => r.turned !== null)).toHaveLength(8);
    },
  );
});
