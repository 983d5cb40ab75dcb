import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openForRender } from '../../core/pdf/render-page';
import { generateBatch } from './generate';
import { expectedReading, darkness, readHalves } from './read-back';
import { ANNEX_HEADER, BOX_HEIGHT, type Rect } from './sheet-layout';
import type { RosterStudent, TruthSide } from './types';

/** The part of a comb from box `from` to box `to` (exclusive), with room for skew and offset above and below. */
function combPart(boxes: readonly Rect[], from: number, to: number): Rect {
  const first = boxes[from] as Rect;
  const last = boxes[to - 1] as Rect;
  return { x: first.x, y: first.y - 1.5, width: last.x + last.width - first.x, height: BOX_HEIGHT + 3 };
}

describe('A4 annexes', () => {
  it('after a copy, anywhere in the stack or in annexes.pdf, each with its student’s header', async () => {
    const batch = await generateBatch({
      seed: 34,
      shape: 'jpeg',
      dpi: 50,
      students: 6,
      present: 5,
      sheetsPerStudent: [1, 2],
      a4Pages: 1,
      annexes: { afterCopy: 1, inStack: 1, ownFile: 2 },
    });
    const { truth } = batch;
    const pages = new Map(truth.pages.map((p) => [p.id, p]));
    expect(batch.files.map((f) => f.name)).toEqual(['SKM1.pdf', 'annexes.pdf']);
    const annexFile = await PDFDocument.load((batch.files[1] as { bytes: Uint8Array }).bytes);
    expect(annexFile.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])).toEqual([
      [595, 842],
      [595, 842],
    ]);

    const annexes = truth.annexes ?? [];
    expect(annexes.map((a) => a.placement)).toEqual(['after-copy', 'in-stack', 'own-file', 'own-file']);
    expect(new Set(annexes.map((a) => a.student)).size).toBe(4);
    for (const annex of annexes) {
      expect(truth.absent).not.toContain(annex.student);
      expect(pages.get(annex.page)).toMatchObject({ student: annex.student, sheet: null, pageBox: null });
    }
    // The loose form of nobody's stays nobody's.
    expect(truth.pages.filter((p) => p.sheet === null && p.student === null)).toHaveLength(1);

    const at = (page: number) => truth.sides.findIndex((s) => s.full === page);
    const studentOf = (side: TruthSide | undefined) => pages.get(side?.left as number)?.student;
    const [afterCopy, inStack, ...ownFile] = annexes.map((a) => at(a.page));
    expect(ownFile.map((i) => truth.sides[i as number]?.file)).toEqual([2, 2]);
    // After its copy: the side before it is its student's, and none after it is.
    expect(studentOf(truth.sides[(afterCopy as number) - 1])).toBe(annexes[0]?.student);
    expect(
      truth.sides.slice((afterCopy as number) + 1).some((s) => studentOf(s) === annexes[0]?.student),
    ).toBe(false);
    // Anywhere, but never between a recto and its verso.
    const before = truth.sides[(inStack as number) - 1];
    const after = truth.sides[(inStack as number) + 1];
    if (before?.kind === 'a3' && after?.kind === 'a3') {
      expect(pages.get(before.left as number)?.sheet).not.toBe(pages.get(after.left as number)?.sheet);
    }

    const readings = await readHalves(batch.files, truth.sides, 40);
    expect(readings.map((r) => r.upright)).toEqual(
      readings.map((r) => expectedReading(r.side, r.half).upright),
    );

    // Each annex's frame holds its student's name and birth date in the boxes, and nothing past them.
    const students = new Map(batch.roster.students.map((s) => [s.email, s]));
    for (const annex of annexes) {
      const side = truth.sides[at(annex.page)] as TruthSide;
      const doc = await openForRender((batch.files[side.file - 1] as { bytes: Uint8Array }).bytes);
      const image = await doc.render(side.source - 1, 60);
      await doc.close();
      const student = students.get(annex.student) as RosterStudent;
      // Darkness of empty boxes: paper and the grey comb; written boxes are clearly darker.
      const { lastName, firstName, birthDate } = ANNEX_HEADER;
      const empty = darkness(
        image,
        combPart(lastName.boxes, student.lastName.length + 1, lastName.boxes.length),
      );
      const written = [
        darkness(image, combPart(lastName.boxes, 0, student.lastName.length)),
        darkness(image, combPart(firstName.boxes, 0, student.firstName.length)),
        darkness(image, combPart(birthDate.boxes, 0, birthDate.boxes.length)),
      ];
      for (const value of written) expect(value).toBeGreaterThan(empty + 8);
    }
  });
});
