import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { generateBatch } from './generate';
import type { BatchTruth, GenerateOptions, TruthPage, TruthSheet } from './types';

describe('generateBatch', () => {
  it('is deterministic: the same options give byte-identical files', async () => {
    const options: GenerateOptions = {
      seed: 42,
      shape: 'compact',
      dpi: 30,
      students: 2,
      a4Pages: 1,
      files: 2,
    };
    const [a, b] = [await generateBatch(options), await generateBatch(options)];
    expect(a.files.map((f) => f.name)).toEqual(['SKM1.pdf', 'SKM2.pdf']);
    expect(b.files.map((f) => f.name)).toEqual(a.files.map((f) => f.name));
    a.files.forEach((file, i) =>
      expect(Buffer.from(file.bytes).equals(Buffer.from(b.files[i]?.bytes ?? []))).toBe(true),
    );
    expect(a.roster.csvUtf8.equals(b.roster.csvUtf8)).toBe(true);
    expect(a.roster.csvWin1252.equals(b.roster.csvWin1252)).toBe(true);
    expect(b.truth).toEqual(a.truth);
    const other = await generateBatch({ ...options, seed: 43 });
    expect(Buffer.from(other.files[0]?.bytes ?? []).equals(Buffer.from(a.files[0]?.bytes ?? []))).toBe(false);
  });

  it('describes every side, sheet and page consistently', async () => {
    const batch = await generateBatch({
      seed: 5,
      shape: 'bilevel',
      dpi: 20,
      students: 10,
      a4Pages: 2,
      files: 3,
      dropLastVerso: true,
    });
    const { truth } = batch;
    const pageById = new Map(truth.pages.map((p) => [p.id, p]));
    expect(pageById.size).toBe(truth.pages.length);

    // Files: named in order, numbered sources, as many PDF pages as sides.
    expect(batch.files.map((f) => f.name)).toEqual(['SKM1.pdf', 'SKM2.pdf', 'SKM3.pdf']);
    for (const [i, file] of batch.files.entries()) {
      const sides = truth.sides.filter((s) => s.file === i + 1);
      expect(sides.map((s) => s.source)).toEqual(sides.map((_, k) => k + 1));
      expect((await PDFDocument.load(file.bytes)).getPageCount()).toBe(sides.length);
    }

    // Every scanned page shows on exactly one half; the dropped verso's two pages on none.
    const shown = truth.sides.flatMap((s) => [s.left, s.right, s.full].filter((id) => id !== undefined));
    expect(new Set(shown).size).toBe(shown.length);
    const unscanned = truth.pages.filter((p) => p.unscanned);
    expect(unscanned.map((p) => p.pageInSheet)).toEqual([2, 3]);
    expect(shown.sort()).toEqual(
      truth.pages
        .filter((p) => !p.unscanned)
        .map((p) => p.id)
        .sort(),
    );

    expectSheetsConsistent(truth, pageById);
    expectStackOrder(truth, pageById);

    // 10 students, default: all but ~10 % hand something in.
    expect(truth.absent).toHaveLength(1);
    const present = new Set(truth.sheets.map((s) => s.student));
    expect(present.size).toBe(9);
    const emails = batch.roster.students.map((s) => s.email);
    expect([...present, ...truth.absent].sort()).toEqual([...emails].sort());

    const loose = truth.sides.filter((s) => s.kind === 'a4');
    expect(loose).toHaveLength(2);
    for (const side of loose)
      expect(pageById.get(side.full as number)).toMatchObject({ student: null, sheet: null });
  });

  it('refuses impossible options with a clear message', async () => {
    await expect(generateBatch({ seed: 1, shape: 'jpeg', dpi: 10, students: 2 })).rejects.toThrow(
      /dpi must be/,
    );
    await expect(generateBatch({ seed: 1, shape: 'jpeg', dpi: 30, students: 1, files: 9 })).rejects.toThrow(
      /Cannot split \d+ scanned sides over 9 files/,
    );
  });
});

function expectSheetsConsistent(truth: BatchTruth, pageById: Map<number, TruthPage>): void {
  truth.sheets.forEach((sheet, index) => {
    sheet.pages.forEach((id, k) => {
      const page = pageById.get(id);
      expect(page).toMatchObject({ student: sheet.student, sheet: index, pageInSheet: k + 1 });
      // The handwritten "Page n / N" counts pages through the student's whole copy.
      if (page?.pageBox) expect(page.pageBox).toEqual([(sheet.sheetNo - 1) * 4 + k + 1, sheet.sheetsOf * 4]);
      else expect(page?.blank).toBe(true);
    });
  });
  const byStudent = new Map<string, TruthSheet[]>();
  for (const sheet of truth.sheets)
    byStudent.set(sheet.student, [...(byStudent.get(sheet.student) ?? []), sheet]);
  for (const sheets of byStudent.values()) {
    expect(sheets.map((s) => s.sheetNo)).toEqual(sheets.map((_, i) => i + 1));
    expect(sheets.every((s) => s.sheetsOf === sheets.length)).toBe(true);
    expect(sheets[0]?.headerFilled).toBe(true);
  }
}

/** Recto [P4 | P1] then verso [P2 | P3], sheet after sheet, each student's sheets together. */
function expectStackOrder(truth: BatchTruth, pageById: Map<number, TruthPage>): void {
  const a3 = truth.sides.filter((s) => s.kind === 'a3');
  const halves = a3.map((s) => [pageById.get(s.left as number), pageById.get(s.right as number)]);
  for (const [i, [left, right]] of halves.entries()) {
    expect(left?.sheet).toBe(right?.sheet);
    const pair = [left?.pageInSheet, right?.pageInSheet];
    expect([
      [4, 1],
      [2, 3],
    ]).toContainEqual(pair);
    if (pair[0] === 4 && i + 1 < halves.length) {
      const verso = halves[i + 1]?.[0];
      // Only the dropped last verso may be missing after a recto.
      if (verso?.sheet === left?.sheet) expect(verso?.pageInSheet).toBe(2);
      else expect(truth.pages.some((p) => p.unscanned && p.sheet === left?.sheet)).toBe(true);
    }
  }
  const studentRuns = a3
    .map((s) => pageById.get(s.left as number)?.student)
    .filter((s, i, all) => s !== all[i - 1]);
  expect(new Set(studentRuns).size).toBe(studentRuns.length);
}
