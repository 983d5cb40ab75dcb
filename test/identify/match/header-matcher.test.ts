import { describe, expect, it } from 'vitest';
import { decideIdentity } from '../../../core/identify/match/decide-identity';
import { createHeaderMatcher } from '../../../core/identify/match/header-matcher';
import { REASON } from '../../../core/identify/match/reasons';
import { Random } from '../../generator/random';
import { rosterOf } from './class-roster';
import { readHeader, sureHeader, type WrittenHeader } from './simulate';

const CLASS = rosterOf([
  { lastName: 'BEN JEMAA', firstName: 'SADRI', birthDate: '12/03/2007' },
  { lastName: 'BEN HADJ YAHIA', firstName: 'MOHAMED AMINE', birthDate: '05/11/2007' },
  { lastName: 'DE SAINT-EXUPÉRY', firstName: 'JEAN-PIERRE', birthDate: '21/06/2007' },
  { lastName: "D'ALMEIDA", firstName: 'EYA', birthDate: '02/02/2008' },
  { lastName: 'TRABELSI', firstName: 'MARIE', birthDate: '09/09/2007' },
  { lastName: 'TRABELSI', firstName: 'MARIEM', birthDate: '09/09/2007' },
  { lastName: 'GHARBI', firstName: 'SARRA', birthDate: '12/03/2007' },
  { lastName: 'MARTIN', firstName: 'ADAM', birthDate: '14/07/2007' },
  { lastName: 'MERCIER', firstName: 'ADAM', birthDate: '30/01/2008' },
  { lastName: 'LEFÈVRE', firstName: 'CHLOÉ', birthDate: '17/10/2007' },
  { lastName: 'MONTMORENCY-LAVAL DE LA ROCHEFOUCAULD', firstName: 'ANNE', birthDate: '08/05/2007' },
  { lastName: 'GUÉRIN', firstName: 'THÉO', birthDate: '23/12/2006' },
  { lastName: 'HAMMAMI', firstName: 'NOUR', birthDate: '01/04/2007' },
  { lastName: 'ZOUARI', firstName: 'LINA', birthDate: '19/08/2007' },
]);
const STUDENTS = CLASS.map((m) => m.student);
const matcher = createHeaderMatcher(STUDENTS);

function decide(written: WrittenHeader) {
  return decideIdentity(matcher.score(sureHeader(written)), STUDENTS);
}

function studentNamed(name: string) {
  const found = STUDENTS.find((s) => s.name === name);
  if (!found) throw new Error(`no ${name} in the test roster`);
  return found;
}

describe('matching a header against the roster', () => {
  it.each([
    ['a space box between words', 'BEN JEMAA', 'SADRI', 'BEN JEMAA SADRI'],
    ['words run together', 'BENJEMAA', 'SADRI', 'BEN JEMAA SADRI'],
    ['a hyphen for the space', 'BEN-JEMAA', 'SADRI', 'BEN JEMAA SADRI'],
    ['rows swapped', 'SADRI', 'BEN JEMAA', 'BEN JEMAA SADRI'],
    [
      'a 4-word name split as the roster cannot say',
      'BEN HADJ YAHIA',
      'MOHAMED AMINE',
      'BEN HADJ YAHIA MOHAMED AMINE',
    ],
    ['the same name split elsewhere', 'BEN HADJ', 'YAHIA MOHAMED AMINE', 'BEN HADJ YAHIA MOHAMED AMINE'],
    ['accents and hyphens dropped', 'DESAINTEXUPERY', 'JEANPIERRE', 'DE SAINT-EXUPÉRY JEAN-PIERRE'],
    ['the apostrophe left out', 'DALMEIDA', 'EYA', "D'ALMEIDA EYA"],
    ['the first box skipped', ' MARTIN', 'ADAM', 'MARTIN ADAM'],
    ['a letter forgotten', 'LEFEVR', 'CHLOE', 'LEFÈVRE CHLOÉ'],
    [
      'a name longer than the row, cut at the last box',
      'MONTMORENCY-LAVAL DE LA ROCHEFOUCAULD',
      'ANNE',
      'MONTMORENCY-LAVAL DE LA ROCHEFOUCAULD ANNE',
    ],
  ])('identifies the student with %s', (_case, lastName, firstName, rosterName) => {
    const student = studentNamed(rosterName);
    const decision = decide({
      lastName,
      firstName,
      birthDate: student.birthDate.split('-').reverse().join(''),
    });
    expect(decision.status).toBe('ready');
    expect(decision.student).toBe(student);
    expect(decision.reasons).toEqual([]);
    expect(decision.confidence).toBeGreaterThan(0.9999);
  });

  it('tells apart two students sharing a first name by their family names', () => {
    const decision = decide({ lastName: 'MERCIER', firstName: 'ADAM', birthDate: '30012008' });
    expect(decision.student).toBe(studentNamed('MERCIER ADAM'));
    expect(decision.candidates.map((c) => c.student.name)).not.toContain('MARTIN ADAM');
  });

  it('never decides between twins one box apart, even on a clean reading', () => {
    const decision = decide({ lastName: 'TRABELSI', firstName: 'MARIEM', birthDate: '09092007' });
    expect(decision.status).toBe('needs_review');
    expect(decision.student).toBeNull();
    expect(decision.reasons).toEqual([REASON.closeCandidates]);
    expect(decision.candidates.slice(0, 2).map((c) => c.student.name)).toEqual([
      'TRABELSI MARIEM',
      'TRABELSI MARIE',
    ]);
    expect(decision.candidates[0]?.score).toBeGreaterThan(decision.candidates[1]?.score ?? 1);
  });

  it('does not identify anyone from a birth date alone, even a date nobody else has', () => {
    const decision = decide({ lastName: '', firstName: '', birthDate: '19082007' });
    expect(decision.status).toBe('needs_review');
    expect(decision.reasons).toContain(REASON.nameTooWeak);
  });

  it('identifies from a clearly read name when the date row is left empty', () => {
    const decision = decide({ lastName: 'HAMMAMI', firstName: 'NOUR', birthDate: '' });
    expect(decision.status).toBe('ready');
    expect(decision.student).toBe(studentNamed('HAMMAMI NOUR'));
  });

  it('refuses a name whose clearly read birth date is someone else’s', () => {
    const decision = decide({ lastName: 'HAMMAMI', firstName: 'NOUR', birthDate: '28021999' });
    expect(decision.status).toBe('needs_review');
    expect(decision.reasons).toContain(REASON.dateDisagrees);
    expect(decision.candidates[0]?.student).toBe(studentNamed('HAMMAMI NOUR'));
  });

  it('says nobody matches for a stranger the roster does not list', () => {
    const decision = decide({ lastName: 'DUPONT', firstName: 'LUCAS', birthDate: '11112007' });
    expect(decision.status).toBe('needs_review');
    expect(decision.reasons).toEqual([REASON.noRosterMatch]);
    expect(decision.confidence).toBeLessThan(0.1);
    for (const candidate of decision.candidates) expect(candidate.score).toBeLessThan(0.1);
  });

  it('does not take a stranger for the roster student who shares a first name and a family name', () => {
    // MARTIN is a family name in the roster and CHLOÉ a first name, but not together.
    const decision = decide({ lastName: 'MARTIN', firstName: 'CHLOE', birthDate: '17102007' });
    expect(decision.status).toBe('needs_review');
  });

  it('leaves an unreadable header to review instead of picking the least bad student', () => {
    const rng = new Random(4);
    for (const member of CLASS) {
      const written = { lastName: 'XWKZQ', firstName: 'PYVXK', birthDate: '99999999' };
      const reading = readHeader(written, { accuracy: 0.9, confidence: 'overconfident' }, rng);
      const decision = decideIdentity(matcher.score(reading), STUDENTS);
      expect(decision.status, member.student.name).toBe('needs_review');
    }
  });

  it('copes with a reader that found fewer boxes than the template has', () => {
    const reading = sureHeader({ lastName: 'ZOUARI', firstName: 'LINA', birthDate: '19082007' });
    reading.lastName.cells = reading.lastName.cells.slice(0, 18);
    reading.firstName.cells = reading.firstName.cells.slice(0, 12);
    const decision = decideIdentity(matcher.score(reading), STUDENTS);
    expect(decision.student).toBe(studentNamed('ZOUARI LINA'));
  });

  it('rejects a reading whose cells do not fit the alphabet, naming the row', () => {
    const reading = sureHeader({ lastName: 'MARTIN', firstName: 'ADAM', birthDate: '14072007' });
    reading.firstName.cells[0] = { empty: 0, probs: [1, 0, 0] };
    expect(() => matcher.score(reading)).toThrow(/PRÉNOM boxes: a cell has 3 character scores/);
  });
});
