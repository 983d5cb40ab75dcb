import { describe, expect, it } from 'vitest';
import { generateBatch } from './generate';
import { expectedReading, readHalves } from './read-back';
import type { TruthSheet } from './types';

describe('sides that never reach the PDF', () => {
  it('a blank verso dropped by the scanner and a lost sheet: truth and tags agree on what is missing', async () => {
    const batch = await generateBatch({
      seed: 33,
      shape: 'jpeg',
      dpi: 30,
      students: 5,
      present: 5,
      sheetsPerStudent: [2, 3],
      droppedBlankSides: 1,
      missingSheets: 1,
    });
    const { truth } = batch;
    const pages = new Map(truth.pages.map((p) => [p.id, p]));
    const shown = truth.sides.flatMap((s) => [s.left, s.right]);
    const unscanned = new Set(truth.pages.filter((p) => p.unscanned).map((p) => p.id));
    expect(shown.filter((id) => id !== undefined && unscanned.has(id))).toEqual([]);

    // The dropped verso: its sheet is the student's last, P2 to P4 blank without a page box, P2 and P3
    // unscanned; its recto is there, and what follows it is another sheet's recto (or nothing).
    const [dropped, ...moreDropped] = truth.sheets.filter((s) => s.versoDropped);
    expect(moreDropped).toEqual([]);
    const lastSheet = dropped as TruthSheet;
    expect(lastSheet.sheetNo).toBe(lastSheet.sheetsOf);
    const [p1, p2, p3, p4] = lastSheet.pages.map((id) => pages.get(id));
    expect([p2, p3, p4].map((p) => [p?.blank, p?.pageBox])).toEqual([
      [true, null],
      [true, null],
      [true, null],
    ]);
    expect([p1, p2, p3, p4].map((p) => p?.unscanned ?? false)).toEqual([false, true, true, false]);
    const recto = truth.sides.findIndex((s) => s.right === p1?.id);
    expect(truth.sides[recto]?.left).toBe(p4?.id);
    const next = truth.sides[recto + 1];
    if (next) expect(pages.get(next.left as number)?.pageInSheet).toBe(4);

    // The lost sheet: none of its pages is scanned; the student's page boxes jump over its four pages.
    const [missing, ...moreMissing] = truth.sheets.filter((s) => s.missing);
    expect(moreMissing).toEqual([]);
    const lost = missing as TruthSheet;
    expect(lost.sheetsOf).toBeGreaterThanOrEqual(2);
    expect(lost.pages.every((id) => unscanned.has(id))).toBe(true);
    const numbers = truth.pages
      .filter((p) => p.student === lost.student && !p.unscanned)
      .flatMap((p) => (p.pageBox ? [p.pageBox[0]] : []));
    const lostNumbers = [1, 2, 3, 4].map((k) => (lost.sheetNo - 1) * 4 + k);
    expect(numbers.some((n) => lostNumbers.includes(n))).toBe(false);
    const alsoDropped = lastSheet.student === lost.student ? 1 : 0;
    expect(truth.sides.filter((s) => pages.get(s.left as number)?.student === lost.student)).toHaveLength(
      2 * (lost.sheetsOf - 1) - alsoDropped,
    );

    // 2 sides per scanned sheet, minus the dropped verso: an odd count, as the station will see it.
    expect(truth.sides).toHaveLength(2 * (truth.sheets.length - 1) - 1);
    const readings = await readHalves(batch.files, truth.sides, 30);
    expect(readings.map((r) => r.upright)).toEqual(
      readings.map((r) => expectedReading(r.side, r.half).upright),
    );
  });
});
