import { describe, expect, it } from 'vitest';
import { REASON } from '../../core/identify/match/reasons';
import type { HeaderReading } from '../../core/identify/types';
import type { ManifestCopy, ManifestPage } from '../../core/manifest';
import { ANNEX_REASON, placeAnnexes, sheetPageCount, type AnnexPage } from '../../core/pipeline/annexes';
import { rosterOf, type ClassMember } from '../identify/match/class-roster';
import { sureHeader, type WrittenHeader } from '../identify/match/simulate';
import { headerOf } from '../identify/segment/sheets';

const CLASS = rosterOf([
  { lastName: 'BEN JEMAA', firstName: 'SADRI', birthDate: '12/03/2007' },
  { lastName: 'TRABELSI', firstName: 'AHMED', birthDate: '09/09/2007' },
  { lastName: 'TRABELSI', firstName: 'YASMINE', birthDate: '09/09/2007' },
  { lastName: 'MARTIN', firstName: 'ADAM', birthDate: '14/07/2007' },
  { lastName: 'LEFÈVRE', firstName: 'CHLOÉ', birthDate: '17/10/2007' },
  { lastName: 'HAMMAMI', firstName: 'NOUR', birthDate: '01/04/2007' },
]);
const STUDENTS = CLASS.map((m) => m.student);
const [SADRI, AHMED, YASMINE, ADAM, CHLOE, NOUR] = CLASS as [
  ClassMember,
  ClassMember,
  ClassMember,
  ClassMember,
  ClassMember,
  ClassMember,
];

/** A one-sheet copy starting at `source` (its recto) of file 1, ready for `member` or in review. */
function sheetCopy(source: number, member: ClassMember, status: 'ready' | 'needs_review'): ManifestCopy {
  const page = (at: number, half: 'left' | 'right'): ManifestPage => ({
    file: 1,
    source: at,
    half,
    rotate: 0,
    blank: false,
  });
  const { name, email, birthDate, className } = member.student;
  return {
    id: `copy-${source}`,
    status,
    student: status === 'ready' ? { name, email, birthDate, className } : null,
    confidence: status === 'ready' ? 0.99999 : 0.6,
    reasons: status === 'ready' ? [] : ['the best roster match is too weak'],
    candidates: [{ name, email, score: status === 'ready' ? 0.99999 : 0.6 }],
    pages: [page(source, 'right'), page(source + 1, 'left'), page(source + 1, 'right'), page(source, 'left')],
    file: `copies/copy-${source}.pdf`,
  };
}

/** A loose A4 page planned as a copy of its own, as copies.ts plans one. */
function looseCopy(file: number, source: number): ManifestCopy {
  return {
    id: `loose-${file}-${source}`,
    status: 'needs_review',
    student: null,
    confidence: 0,
    reasons: ['student not identified', `loose page, not part of a folded A3 sheet: page ${source}`],
    candidates: [],
    pages: [{ file, source, half: 'full', rotate: 0, blank: false }],
    file: `copies/loose-${file}-${source}.pdf`,
  };
}

function annex(file: number, source: number, header: HeaderReading, upsideDown = false): AnnexPage {
  return { file, source, header, upsideDown, label: `file ${file} page ${source}` };
}

const headerFor = (who: ClassMember | WrittenHeader) => sureHeader('student' in who ? headerOf(who) : who);

describe('placing A4 annexes', () => {
  it('appends an annex that surely names a student with one ready copy, leaving the copy ready', () => {
    const copies = [sheetCopy(1, SADRI, 'ready'), sheetCopy(3, ADAM, 'ready'), looseCopy(2, 1)];
    const { copies: placed, placements } = placeAnnexes(copies, [annex(2, 1, headerFor(SADRI))], STUDENTS);

    expect(placed.map((c) => c.id)).toEqual(['copy-1', 'copy-3']);
    const sadri = placed[0] as ManifestCopy;
    expect(sadri.pages).toHaveLength(5);
    expect(sadri.pages[4]).toEqual({
      file: 2,
      source: 1,
      half: 'full',
      rotate: 0,
      blank: false,
      kind: 'annex',
    });
    expect(sadri.pages.slice(0, 4)).toEqual((copies[0] as ManifestCopy).pages);
    expect(sadri).toMatchObject({ status: 'ready', reasons: [], student: { email: SADRI.student.email } });
    expect(sheetPageCount(sadri)).toBe(4);
    expect(placed[1]).toBe(copies[1]);
    expect(placements).toEqual([
      { kind: 'attached', file: 2, source: 1, copy: 'copy-1', student: SADRI.student.email },
    ]);
  });

  it('turns an upside-down annex upright, and appends two annexes of one student in stack order', () => {
    const copies = [looseCopy(1, 9), sheetCopy(1, NOUR, 'ready'), looseCopy(2, 3), looseCopy(1, 7)];
    const { copies: placed } = placeAnnexes(
      copies,
      [annex(2, 3, headerFor(NOUR)), annex(1, 7, headerFor(NOUR), true)],
      STUDENTS,
    );
    expect(placed.map((c) => c.id)).toEqual(['loose-1-9', 'copy-1']);
    expect(placed[0]).toBe(copies[0]);
    expect(placed[1]?.pages.slice(4)).toEqual([
      { file: 1, source: 7, half: 'full', rotate: 180, blank: false, kind: 'annex' },
      { file: 2, source: 3, half: 'full', rotate: 0, blank: false, kind: 'annex' },
    ]);
  });

  it('leaves an annex whose header fits two students its own review copy, with both candidates', () => {
    const copies = [sheetCopy(1, AHMED, 'ready'), sheetCopy(3, YASMINE, 'ready'), looseCopy(2, 1)];
    // The family name and the shared birth date, the first name left out.
    const header = headerFor({ lastName: 'TRABELSI', firstName: '', birthDate: '09092007' });
    const { copies: placed, placements } = placeAnnexes(copies, [annex(2, 1, header)], STUDENTS);

    expect(placed.slice(0, 2)).toEqual(copies.slice(0, 2));
    const own = placed[2] as ManifestCopy;
    expect(own).toMatchObject({ id: 'loose-2-1', file: 'copies/loose-2-1.pdf', status: 'needs_review' });
    expect(own.student).toBeNull();
    expect(own.pages).toEqual([{ file: 2, source: 1, half: 'full', rotate: 0, blank: false, kind: 'annex' }]);
    expect(own.reasons[0]).toBe(`${ANNEX_REASON.notAttached}: file 2 page 1`);
    expect(own.reasons.slice(1)).toContain(REASON.closeCandidates);
    expect(
      own.candidates
        .slice(0, 2)
        .map((c) => c.email)
        .sort(),
    ).toEqual([AHMED.student.email, YASMINE.student.email].sort());
    expect(placements).toEqual([
      { kind: 'review', file: 2, source: 1, copy: 'loose-2-1', reasons: own.reasons },
    ]);
  });

  it('never attaches to a student with two copies, or whose copy is in review, or who has none', () => {
    const copies = [
      sheetCopy(1, SADRI, 'ready'),
      sheetCopy(3, SADRI, 'ready'),
      sheetCopy(5, ADAM, 'ready'),
      sheetCopy(7, ADAM, 'needs_review'),
      sheetCopy(9, CHLOE, 'needs_review'),
      looseCopy(2, 1),
      looseCopy(2, 2),
      looseCopy(2, 3),
      looseCopy(2, 4),
    ];
    const { copies: placed, placements } = placeAnnexes(
      copies,
      [
        annex(2, 1, headerFor(SADRI)),
        annex(2, 2, headerFor(ADAM)),
        annex(2, 3, headerFor(CHLOE)),
        annex(2, 4, headerFor(NOUR)),
      ],
      STUDENTS,
    );
    expect(placed.slice(0, 5)).toEqual(copies.slice(0, 5));
    expect(placements.map((p) => p.kind)).toEqual(['review', 'review', 'review', 'review']);
    expect(placements.map((p) => (p.kind === 'review' ? p.reasons.slice(1) : []))).toEqual([
      [`${ANNEX_REASON.severalCopies}: ${SADRI.student.name}`],
      [`${ANNEX_REASON.severalCopies}: ${ADAM.student.name}`],
      [`${ANNEX_REASON.copyInReview}: ${CHLOE.student.name}`],
      [`${ANNEX_REASON.noCopy}: ${NOUR.student.name}`],
    ]);
    // Each review annex still names its sure student first, for the operator to confirm.
    expect(placed.slice(5).map((c) => c.candidates[0]?.email)).toEqual(
      [SADRI, ADAM, CHLOE, NOUR].map((m) => m.student.email),
    );
  });

  it('leaves a stranger’s annex and an empty frame to review', () => {
    const copies = [sheetCopy(1, SADRI, 'ready'), looseCopy(2, 1), looseCopy(2, 2)];
    const stranger = headerFor({ lastName: 'DUPONT', firstName: 'JEANNE', birthDate: '03052007' });
    const empty = { ...headerFor({ lastName: '', firstName: '', birthDate: '' }), empty: true };
    const { copies: placed } = placeAnnexes(copies, [annex(2, 1, stranger), annex(2, 2, empty)], STUDENTS);

    expect(placed[0]).toBe(copies[0]);
    expect(placed[1]?.reasons).toEqual([`${ANNEX_REASON.notAttached}: file 2 page 1`, REASON.noRosterMatch]);
    expect(placed[2]).toMatchObject({
      status: 'needs_review',
      reasons: [`${ANNEX_REASON.notAttached}: file 2 page 2`, REASON.headerEmpty],
      candidates: [],
      confidence: 0,
    });
  });

  it('refuses an annex page that is not planned as a copy of its own, or given twice', () => {
    expect(() =>
      placeAnnexes([sheetCopy(1, SADRI, 'ready')], [annex(1, 1, headerFor(SADRI))], STUDENTS),
    ).toThrow(/annex file 1 page 1 is not planned as a copy of its own/);
    const twice = [annex(2, 1, headerFor(SADRI)), annex(2, 1, headerFor(SADRI))];
    expect(() => placeAnnexes([sheetCopy(1, SADRI, 'ready'), looseCopy(2, 1)], twice, STUDENTS)).toThrow(
      /an annex page is given twice/,
    );
  });
});
