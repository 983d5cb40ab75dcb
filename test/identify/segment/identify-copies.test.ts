import { describe, expect, it } from 'vitest';
import { REASON } from '../../../core/identify/match/reasons';
import { identifyCopies } from '../../../core/identify/segment/identify-copies';
import { rosterOf, type ClassMember } from '../match/class-roster';
import { copyOf, pagesOf, sheet } from './sheets';

const CLASS = rosterOf([
  { lastName: 'BEN JEMAA', firstName: 'SADRI', birthDate: '12/03/2007' },
  { lastName: 'BEN HADJ YAHIA', firstName: 'MOHAMED AMINE', birthDate: '05/11/2007' },
  { lastName: 'TRABELSI', firstName: 'AHMED', birthDate: '09/09/2007' },
  { lastName: 'TRABELSI', firstName: 'YASMINE', birthDate: '09/09/2007' },
  { lastName: 'GHARBI', firstName: 'SARRA', birthDate: '12/03/2007' },
  { lastName: 'MARTIN', firstName: 'ADAM', birthDate: '14/07/2007' },
  { lastName: 'LEFÈVRE', firstName: 'CHLOÉ', birthDate: '17/10/2007' },
  { lastName: 'HAMMAMI', firstName: 'NOUR', birthDate: '01/04/2007' },
]);
const STUDENTS = CLASS.map((m) => m.student);
const [SADRI, AMINE, AHMED, YASMINE, SARRA, ADAM, CHLOE, NOUR] = CLASS as [
  ClassMember,
  ClassMember,
  ClassMember,
  ClassMember,
  ClassMember,
  ClassMember,
  ClassMember,
  ClassMember,
];

describe('segmenting a stack into copies and identifying them', () => {
  it('joins continuation sheets with empty headers and identifies every copy', () => {
    const stack = [...copyOf(AMINE, 3), ...copyOf(SADRI, 1), ...copyOf(AHMED, 2), ...copyOf(YASMINE, 2)];
    const { copies, absent } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0, 1, 2], [3], [4, 5], [6, 7]]);
    expect(copies.map((c) => c.status)).toEqual(['ready', 'ready', 'ready', 'ready']);
    expect(copies.map((c) => c.student)).toEqual([
      AMINE.student,
      SADRI.student,
      AHMED.student,
      YASMINE.student,
    ]);
    expect(copies.every((c) => c.reasons.length === 0 && c.confidence > 0.9999)).toBe(true);
    expect(absent).toEqual([SARRA.student, ADAM.student, CHLOE.student, NOUR.student]);
  });

  it('continues a copy when a later sheet repeats the same header', () => {
    const stack = [sheet(ADAM, pagesOf(0, 2)), sheet(ADAM, pagesOf(1, 2)), ...copyOf(NOUR, 1)];
    const { copies } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0, 1], [2]]);
    expect(copies[0]).toMatchObject({ status: 'ready', student: ADAM.student });
  });

  it('starts a new copy for the next student even when their page box is unreadable', () => {
    const stack = [...copyOf(ADAM, 1), sheet(NOUR, [null, null, null, null])];
    const { copies } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0], [1]]);
    expect(copies.map((c) => c.student)).toEqual([ADAM.student, NOUR.student]);
  });

  it('starts a review copy when the page box says page 1 under an empty header', () => {
    const stack = [...copyOf(ADAM, 1), sheet('empty', pagesOf(0, 1))];
    const { copies } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0], [1]]);
    expect(copies[0]).toMatchObject({ status: 'ready', student: ADAM.student });
    expect(copies[1]).toMatchObject({ status: 'needs_review', student: null, candidates: [] });
    expect(copies[1]?.reasons).toEqual([
      REASON.headerEmpty,
      'sheet 2: page box says page 1 under an empty header',
    ]);
  });

  it('keeps a sheet after a gap in the page numbers with its copy, for review', () => {
    // Pages 5-8 never reached the scanner (a jam): the next sheet says 9-12.
    const stack = [sheet(CHLOE, pagesOf(0, 3)), sheet('empty', pagesOf(2, 3)), ...copyOf(NOUR, 1)];
    const { copies } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0, 1], [2]]);
    expect(copies[0]?.status).toBe('needs_review');
    expect(copies[0]?.student).toBeNull();
    expect(copies[0]?.candidates[0]?.student).toBe(CHLOE.student);
    // The totals agree (12), so joining is sure; the gap itself is what sends the copy to review.
    expect(copies[0]?.reasons).toEqual([
      'sheet 2: page boxes say pages 9-12 where pages 5-8 were expected',
      'page boxes give 12 pages in all but the copy has 8',
    ]);
    expect(copies[1]).toMatchObject({ status: 'ready', student: NOUR.student });
  });

  it('never continues a copy whose page total differs, even when the page numbers follow on', () => {
    // Chloé handed in one sheet (1-4 of 4); Nour lost her first sheet and her second (5-8 of 8) has an
    // empty header: "5 follows 4" must not give Nour's pages to Chloé. Chloé may also have taken a sheet
    // more and written another total on it, so both copies go to a person, neither is joined silently.
    const stack = [sheet(CHLOE, pagesOf(0, 1)), sheet('empty', pagesOf(1, 2)), ...copyOf(ADAM, 1)];
    const { copies } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0], [1], [2]]);
    expect(copies[0]).toMatchObject({ status: 'needs_review', student: null });
    expect(copies[0]?.candidates[0]?.student).toBe(CHLOE.student);
    expect(copies[0]?.reasons).toEqual(['the next sheet may belong to this copy: sheet 2']);
    expect(copies[1]).toMatchObject({ status: 'needs_review', student: null });
    expect(copies[2]).toMatchObject({ status: 'ready', student: ADAM.student });
  });

  it('sends to review a copy whose page boxes count more pages than it has', () => {
    const stack = [sheet(SARRA, pagesOf(0, 2)), ...copyOf(NOUR, 1)];
    const { copies } = identifyCopies(stack, STUDENTS);
    expect(copies[0]?.status).toBe('needs_review');
    expect(copies[0]?.reasons).toEqual(['page boxes give 8 pages in all but the copy has 4']);
    expect(copies[1]?.status).toBe('ready');
  });

  it('keeps apart, for review, a sheet with an empty header and no readable page box', () => {
    // Most likely Adam's second sheet, but nothing on it says so: joined wrongly it would mix two students.
    const stack = [sheet(ADAM, pagesOf(0, 2)), sheet('empty', [null, null, null, null])];
    const { copies } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0], [1]]);
    expect(copies[0]).toMatchObject({ status: 'needs_review', student: null });
    expect(copies[0]?.candidates[0]?.student).toBe(ADAM.student);
    expect(copies[0]?.reasons).toEqual([
      'the next sheet may belong to this copy: sheet 2',
      'page boxes give 8 pages in all but the copy has 4',
    ]);
    expect(copies[1]?.status).toBe('needs_review');
    expect(copies[1]?.reasons).toContain('sheet 2: empty header and no readable page box');
    expect(copies[1]?.reasons).toContain('sheet 2: unclear whether it starts a new copy');
  });

  it('starts a review copy at a sheet whose header was not read, naming it as the caller does', () => {
    // Nothing says whether it continues: a new copy risks no mixing, and both copies go to review.
    const stack = [
      sheet(ADAM, pagesOf(0, 2)),
      sheet('unread', [null, null, null, null], ['time limit reached while reading the header']),
    ];
    const { copies } = identifyCopies(stack, STUDENTS, { sheetLabel: (i) => `SKM1.pdf side ${2 * i + 1}` });
    expect(copies.map((c) => c.sheets)).toEqual([[0], [1]]);
    expect(copies[0]?.reasons).toEqual([
      'the next sheet may belong to this copy: SKM1.pdf side 3',
      'page boxes give 8 pages in all but the copy has 4',
    ]);
    expect(copies[1]?.reasons).toEqual([
      REASON.headerUnreadable,
      'SKM1.pdf side 3: unclear whether it starts a new copy',
      'SKM1.pdf side 3: time limit reached while reading the header',
    ]);
  });

  it('attaches a sheet whose header was not read when its page box continues the copy', () => {
    const stack = [sheet(ADAM, pagesOf(0, 2)), sheet('unread', pagesOf(1, 2), ['header not found'])];
    const { copies } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0, 1]]);
    expect(copies[0]?.status).toBe('needs_review');
    expect(copies[0]?.reasons).toEqual(['sheet 2: header not found']);
  });

  it('asks for a look at a continuation sheet whose header was not read, even without a note', () => {
    const stack = [sheet(ADAM, pagesOf(0, 2)), sheet('unread', pagesOf(1, 2))];
    const { copies } = identifyCopies(stack, STUDENTS);
    expect(copies[0]?.reasons).toEqual([`sheet 2: ${REASON.headerUnreadable}`]);
  });

  it('gives a stranger’s copy, continuation included, to review and nobody', () => {
    const stranger = { lastName: 'DUPONT', firstName: 'LUCAS', birthDate: '11112007' };
    const stack = [sheet(stranger, pagesOf(0, 2)), sheet('empty', pagesOf(1, 2)), ...copyOf(ADAM, 1)];
    const { copies, absent } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0, 1], [2]]);
    expect(copies[0]).toMatchObject({ status: 'needs_review', student: null });
    expect(copies[0]?.confidence).toBeLessThan(0.1);
    expect(copies[0]?.reasons).toEqual([REASON.noRosterMatch]);
    expect(absent).toHaveLength(STUDENTS.length - 1);
  });

  it('sends both copies of a student who handed in twice to review, naming each other', () => {
    const stack = [...copyOf(SADRI, 1), ...copyOf(NOUR, 1), ...copyOf(SADRI, 1)];
    const { copies, absent } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0], [1], [2]]);
    expect(copies[0]?.status).toBe('needs_review');
    expect(copies[0]?.reasons).toEqual([
      'another copy matches the same student: the copy starting at sheet 3',
    ]);
    expect(copies[2]?.reasons).toEqual([
      'another copy matches the same student: the copy starting at sheet 1',
    ]);
    expect(copies[0]?.candidates[0]?.student).toBe(SADRI.student);
    expect(copies[1]).toMatchObject({ status: 'ready', student: NOUR.student });
    expect(absent).not.toContain(SADRI.student);
  });

  it('reviews a copy whose first sheet has no header even when a later sheet names the student', () => {
    const stack = [sheet('empty', pagesOf(0, 2)), sheet(CHLOE, pagesOf(1, 2))];
    const { copies } = identifyCopies(stack, STUDENTS);
    expect(copies.map((c) => c.sheets)).toEqual([[0, 1]]);
    expect(copies[0]?.status).toBe('needs_review');
    expect(copies[0]?.reasons).toEqual([`first sheet: ${REASON.headerEmpty}`]);
    expect(copies[0]?.candidates[0]?.student).toBe(CHLOE.student);
  });

  it('lists everyone as absent for an empty stack', () => {
    expect(identifyCopies([], STUDENTS)).toEqual({ copies: [], absent: STUDENTS });
  });
});
