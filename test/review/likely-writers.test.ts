// The roster ranked by a header's reading: what the desk's search orders its matches by.
import { describe, expect, it } from 'vitest';
import { likelyWriters } from '../../core/review/likely-writers';
import { rosterOf } from '../identify/match/class-roster';
import { sureHeader } from '../identify/match/simulate';

const CLASS = rosterOf([
  { lastName: 'ABID', firstName: 'NOUR', birthDate: '31/12/2007' },
  { lastName: 'TRABELSI', firstName: 'MARIE', birthDate: '09/09/2007' },
  { lastName: 'TRABELSI', firstName: 'MARIEM', birthDate: '09/09/2007' },
  { lastName: 'BENOÎT', firstName: 'LOÏC', birthDate: '16/05/2007' },
  { lastName: 'BENOÎT', firstName: 'LOÏG', birthDate: '16/05/2007' },
  { lastName: 'GIRARD', firstName: 'LOÏC', birthDate: '14/09/2007' },
  { lastName: 'ZOUARI', firstName: 'LINA', birthDate: '19/08/2007' },
]);
const STUDENTS = CLASS.map((member) => member.student);
const names = (emails: string[]) => emails.map((email) => STUDENTS.find((one) => one.email === email)!.name);

describe('likely writers of a header', () => {
  it('puts the student the header names first, then the near ones, the whole roster ranked', () => {
    // A letter of the last name forgotten, a first name the namesake's is one letter away from.
    const ranked = names(
      likelyWriters(
        sureHeader({ lastName: 'TRABELS', firstName: 'MARIEM', birthDate: '09092007' }),
        STUDENTS,
      ),
    );
    expect(ranked.slice(0, 2)).toEqual(['TRABELSI MARIEM', 'TRABELSI MARIE']);
    expect([...ranked].sort()).toEqual(STUDENTS.map((one) => one.name).sort());
  });

  it('ranks by the date too: a first name left blank, the date tells which LOÏC', () => {
    const ranked = names(
      likelyWriters(sureHeader({ lastName: '', firstName: 'LOIC', birthDate: '14092007' }), STUDENTS),
    );
    expect(ranked[0]).toBe('GIRARD LOÏC');
    expect(ranked.slice(1, 3).sort()).toEqual(['BENOÎT LOÏC', 'BENOÎT LOÏG']);
  });

  it('ranks nobody for an empty header or none read', () => {
    const empty = { ...sureHeader({ lastName: '', firstName: '', birthDate: '' }), empty: true };
    expect(likelyWriters(empty, STUDENTS)).toEqual([]);
    expect(likelyWriters(null, STUDENTS)).toEqual([]);
  });
});
