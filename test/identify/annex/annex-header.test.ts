// Annex frames found and read on generated scans of every PDF shape, written at 150 and 300 dpi and read as
// the pipeline reads them (whole A4 page, as displayed, at 150 dpi): the frame's boxes with ink exactly
// where the student wrote, upright and turned upside down; the reading naming the student against the
// roster; and no frame at all on a loose form nobody filled in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateAnnexHeader, readAnnexHeader } from '../../../core/identify/annex/annex-header';
import { isEmptyCell } from '../../../core/identify/locate/cell-ink';
import type { LocatedHeader } from '../../../core/identify/locate/locate-header';
import { rotate180 } from '../../../core/identify/locate/rotate';
import { decideIdentity } from '../../../core/identify/match/decide-identity';
import { createHeaderMatcher } from '../../../core/identify/match/header-matcher';
import { createRecognizer } from '../../../core/identify/recognize/create-recognizer';
import type { Recognizer } from '../../../core/identify/recognize/recognizer';
import type { PdfShape, RosterStudent } from '../../generator/types';
import { scanBatch, type ScannedBatch, type ScannedPage } from '../locate/scanned-pages';
import { rosterOf, type ClassMember } from '../match/class-roster';

const READ_DPI = 150;
const CASES: { shape: PdfShape; dpi: number }[] = (['jpeg', 'compact', 'bilevel'] as const).flatMap((shape) =>
  [150, 300].map((dpi) => ({ shape, dpi })),
);

/** Which boxes hold a character, as the generator writes a header: one per box, a space left empty. */
function inkExpected(student: { lastName: string; firstName: string; birthDate: string }) {
  const filled = (text: string, boxes: number) =>
    Array.from({ length: boxes }, (_, i) => ([...text.toUpperCase()][i] ?? ' ').trim() !== '');
  return {
    lastName: filled(student.lastName, 22),
    firstName: filled(student.firstName, 18),
    birthDate: filled(student.birthDate.replace(/\//g, ''), 8),
  };
}

const inkFound = (header: LocatedHeader | undefined) => ({
  lastName: header?.lastName.map((cell) => !isEmptyCell(cell.image)),
  firstName: header?.firstName.map((cell) => !isEmptyCell(cell.image)),
  birthDate: header?.birthDate.map((cell) => !isEmptyCell(cell.image)),
});

describe.each(CASES)('annex frames on $shape scans at $dpi dpi', ({ shape, dpi }) => {
  const options = {
    seed: 40 + dpi,
    shape,
    dpi,
    students: 4,
    present: 4,
    sheetsPerStudent: [1, 1] as [number, number],
    a4Pages: 1,
    annexes: { afterCopy: 1, inStack: 1, ownFile: 1 },
  };
  let batch: ScannedBatch;
  /** The generator's roster through the real Pronote parser, in the same order. */
  let roster: ClassMember[];
  /** Annex pages (a student's A4 page outside any sheet) and whose they are, in stack order. */
  let annexes: { page: ScannedPage; student: RosterStudent }[];
  let recognizer: Recognizer;
  beforeAll(async () => {
    [batch, recognizer] = await Promise.all([scanBatch(options), createRecognizer()]);
    roster = rosterOf(batch.people);
    annexes = batch.pages.flatMap((page) => {
      const student = batch.people.find((p) => p.email === page.truth.student);
      return page.half === 'full' && student ? [{ page, student }] : [];
    });
  });
  afterAll(async () => {
    await batch.close();
    await recognizer.close();
  });

  it('finds every frame, ink exactly where the student wrote, upright and upside down', async () => {
    expect(annexes).toHaveLength(3);
    for (const { page, student } of annexes) {
      const image = await page.render(READ_DPI);
      const upright = locateAnnexHeader(image, READ_DPI);
      const turned = locateAnnexHeader(rotate180(image), READ_DPI);
      const what = `annex page ${page.truth.id}`;
      expect(upright?.upsideDown, what).toBe(false);
      expect(turned?.upsideDown, `${what} turned`).toBe(true);
      expect(inkFound(upright?.header), what).toEqual(inkExpected(student));
      expect(inkFound(turned?.header), `${what} turned`).toEqual(inkExpected(student));
    }
  });

  it('reads each frame well enough to name its student, never another', async () => {
    const students = roster.map((member) => member.student);
    const matcher = createHeaderMatcher(students);
    for (const { page, student } of annexes) {
      const reading = await readAnnexHeader(await page.render(READ_DPI), READ_DPI, recognizer);
      const what = `annex page ${page.truth.id}`;
      expect(reading?.header.empty, what).toBe(false);
      const identity = decideIdentity(matcher.score(reading!.header), students);
      const written = roster[batch.people.indexOf(student)]?.student;
      expect(identity.candidates[0]?.student, what).toBe(written);
    }
  });

  it('finds no frame on a loose form nobody filled in, nor on an exam page', async () => {
    const loose = batch.pages.filter((page) => page.half === 'full' && page.truth.student === null);
    expect(loose).toHaveLength(1);
    const exam = batch.pages.filter((page) => page.truth.pageInSheet === 2).slice(0, 2);
    for (const page of [...loose, ...exam]) {
      const image = await page.render(READ_DPI);
      expect(locateAnnexHeader(image, READ_DPI), `page ${page.truth.id}`).toBeNull();
      expect(await readAnnexHeader(image, READ_DPI, recognizer)).toBeNull();
    }
  });
});
