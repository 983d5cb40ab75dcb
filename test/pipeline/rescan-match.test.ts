import { describe, expect, it } from 'vitest';
import { encodeInkedCells } from '../../core/identify/fingerprint/inked-cells';
import type { SideFingerprint } from '../../core/identify/fingerprint/side-fingerprint';
import { matchRescans, type ComparedSheet } from '../../core/pipeline/rescan-match';
import { generateBatch } from '../generator/generate';
import { Random } from '../generator/random';
import { fingerprintBatch, paperOf, sheetsOf, sideKey } from '../identify/fingerprint/batch-prints';

const COLUMNS = 210;
const ROWS = 297;

/** A side with lines of "writing" (runs of inked cells) where `seed` puts them; `lines` 0 is bare. */
function writtenSide(seed: number, lines = 12): Map<number, number>[] {
  const rng = new Random(seed);
  return [0, 1].map(() => {
    const cells = new Map<number, number>();
    for (let k = 0; k < lines; k++) {
      const y = rng.int(70, 225);
      for (let x = rng.int(20, 40), end = rng.int(100, 190); x < end; x += rng.int(1, 3)) {
        cells.set(y * COLUMNS + x, rng.int(30, 100));
        cells.set((y + rng.int(-2, 2)) * COLUMNS + x, rng.int(30, 100));
      }
    }
    return cells;
  });
}

/** The side scanned: moved by (dx, dy) cells, each cell's ink a little off. */
function scan(side: Map<number, number>[], dx: number, dy: number, seed: number): SideFingerprint {
  const rng = new Random(seed);
  const pages = side.map((cells) => {
    const moved = new Map<number, number>();
    for (const [index, ink] of cells) {
      moved.set(index + dy * COLUMNS + dx, Math.max(1, Math.min(100, ink + rng.int(-15, 15))));
    }
    return encodeInkedCells([...moved].sort((a, b) => a[0] - b[0]).flat());
  });
  return { cellMm: 1, columns: COLUMNS, rows: ROWS, pages, skewDegrees: 0 };
}

/** A sheet of two written sides, scanned with its own offset. */
function sheet(seed: number, offset: number, extra: Partial<ComparedSheet> = {}): ComparedSheet {
  return {
    sides: [
      scan(writtenSide(seed), offset, -offset, offset),
      scan(writtenSide(seed + 1000), offset, offset, offset + 1),
    ],
    ...extra,
  };
}

const pairs = (found: ReturnType<typeof matchRescans>) => found.map(({ sheet, of }) => [sheet, of]);

describe('duplicate sheets from side fingerprints', () => {
  it('finds a rescan right after its sheet, one at the end and one fed verso first, keeping the first scans', () => {
    const versoFirst = sheet(2, 3);
    const stack = [
      sheet(1, 0),
      sheet(2, 0),
      sheet(1, 2),
      sheet(3, 0),
      { sides: [...versoFirst.sides].reverse() },
    ];
    const found = matchRescans(stack);
    expect(pairs(found)).toEqual([
      [2, 0],
      [4, 1],
    ]);
    for (const duplicate of found) expect(duplicate.confidence).toBeGreaterThan(0.5);
  });

  it('points a rescan of a rescan at the first scan', () => {
    expect(pairs(matchRescans([sheet(1, 0), sheet(1, 2), sheet(1, -3)]))).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it('never calls a duplicate when the sheets were read as two students or carry other page numbers', () => {
    const student = (key: string) => ({ student: key });
    expect(matchRescans([sheet(1, 0, student('a')), sheet(1, 2, student('b'))])).toEqual([]);
    expect(pairs(matchRescans([sheet(1, 0, student('a')), sheet(1, 2, { student: null })]))).toEqual([
      [1, 0],
    ]);
    const pages = (pageNumbers: (number | null)[]) => ({ pageNumbers });
    expect(matchRescans([sheet(1, 0, pages([5, 6, 7, 8])), sheet(1, 2, pages([1, 6, null, 8]))])).toEqual([]);
    expect(
      pairs(matchRescans([sheet(1, 0, pages([5, 6, 7, 8])), sheet(1, 2, pages([5, null, 7, null]))])),
    ).toEqual([[1, 0]]);
  });

  it('needs every side to agree: one side alike and the other not is two sheets', () => {
    const first = sheet(1, 0);
    const half = { sides: [scan(writtenSide(1), 2, 2, 9), scan(writtenSide(77), 0, 0, 9)] };
    expect(matchRescans([first, half])).toEqual([]);
  });

  it('takes a one-sided rescan of a sheet, but keeps a rescan that holds a side its first scan lacks', () => {
    const recto = writtenSide(1);
    const full = sheet(1, 0);
    expect(pairs(matchRescans([full, { sides: [scan(recto, 2, 1, 5)] }]))).toEqual([[1, 0]]);
    expect(matchRescans([{ sides: [scan(recto, 0, 0, 5)] }, sheet(1, 2)])).toEqual([]);
  });

  it('lets bare sides neither prove nor refute, with less confidence, and never matches two bare sheets', () => {
    const bare = writtenSide(0, 0);
    const withBareVerso = (seed: number, offset: number) => ({
      sides: [scan(writtenSide(seed), offset, 0, offset), scan(bare, offset, 0, offset)],
    });
    const found = matchRescans([withBareVerso(1, 0), withBareVerso(1, 3)]);
    expect(pairs(found)).toEqual([[1, 0]]);
    expect(found[0]?.confidence).toBeLessThanOrEqual(0.5);
    const bareSheet = (seed: number) => ({ sides: [scan(bare, 0, 0, seed), scan(bare, 1, 1, seed)] });
    expect(matchRescans([bareSheet(1), bareSheet(2)])).toEqual([]);
    expect(matchRescans([withBareVerso(1, 0), withBareVerso(2, 0)])).toEqual([]);
  });

  it('finds exactly the rescanned sheets of a generated batch, continuation sheets and all', async () => {
    const batch = await generateBatch({
      seed: 11,
      shape: 'compact',
      dpi: 150,
      students: 3,
      present: 3,
      sheetsPerStudent: [2, 2],
      blankHeaderFirstSheet: 2,
      duplicateSheets: { atEnd: 1, rightAfter: 1, repeatFile: 2 },
    });
    const sheets = sheetsOf(await fingerprintBatch(batch));
    const sheetOfSide = new Map(
      sheets.flatMap((sides, index) => sides.map((s) => [sideKey(s.truth), index])),
    );
    const expected = sheets.flatMap((sides, index) => {
      const first = sheetOfSide.get(paperOf(sides[0]!.truth)) as number;
      return first === index ? [] : [[index, first]];
    });
    expect(expected).toHaveLength(4);
    const found = matchRescans(sheets.map((sides) => ({ sides: sides.map((s) => s.print) })));
    expect(pairs(found)).toEqual(expected);
  });
});
