// The desk's roster search: what a query finds, and in which order (Enter takes the first).
import { describe, expect, it } from 'vitest';
import type { ManifestStudent } from '../../core/api/contract';
import { searchStudents } from '../../core/api/roster-search';

const student = (name: string, birthDate: string, className = 'T.01'): ManifestStudent => ({
  name,
  birthDate,
  className,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}@lycee.test`,
});
const ROSTER = [
  student('BEN ROMDHANE ADAM', '2007-02-08'),
  student('BENOÎT LOÏC', '2007-05-16'),
  student('BENOÎT LOÏG', '2007-05-16'),
  student('GIRARD LOÏC', '2007-09-14', 'T.02'),
  student('HAMMAMI JÉRÔME', '2008-05-22'),
];
const names = (found: ManifestStudent[]) => found.map((one) => one.name);
const emailOf = (name: string) => ROSTER.find((one) => one.name === name)!.email;

describe('roster search', () => {
  it('finds by name prefixes, accents folded, class and birth date as typed', () => {
    expect(names(searchStudents(ROSTER, 'loic'))).toEqual(['BENOÎT LOÏC', 'GIRARD LOÏC']);
    expect(names(searchStudents(ROSTER, 'be lo'))).toEqual(['BENOÎT LOÏC', 'BENOÎT LOÏG']);
    expect(names(searchStudents(ROSTER, 't.02'))).toEqual(['GIRARD LOÏC']);
    expect(names(searchStudents(ROSTER, '22/05'))).toEqual(['HAMMAMI JÉRÔME']);
    expect(names(searchStudents(ROSTER, '16/5/2007'))).toEqual(['BENOÎT LOÏC', 'BENOÎT LOÏG']);
    expect(names(searchStudents(ROSTER, 'ben 2007-02'))).toEqual(['BEN ROMDHANE ADAM']);
    expect(searchStudents(ROSTER, '  ')).toEqual([]);
  });

  it('orders students without a copy first, then by the header reading, then as the roster', () => {
    const taken = new Set([emailOf('BENOÎT LOÏC')]);
    const hasCopy = (one: ManifestStudent) => taken.has(one.email);
    // Nothing known of the copy: roster order.
    expect(names(searchStudents(ROSTER, 'l'))).toEqual(['BENOÎT LOÏC', 'BENOÎT LOÏG', 'GIRARD LOÏC']);
    expect(names(searchStudents(ROSTER, 'l', { hasCopy }))).toEqual([
      'BENOÎT LOÏG',
      'GIRARD LOÏC',
      'BENOÎT LOÏC',
    ]);
    const likely = ['GIRARD LOÏC', 'HAMMAMI JÉRÔME', 'BENOÎT LOÏC', 'BENOÎT LOÏG'].map(emailOf);
    expect(names(searchStudents(ROSTER, 'l', { likely }))).toEqual([
      'GIRARD LOÏC',
      'BENOÎT LOÏC',
      'BENOÎT LOÏG',
    ]);
    expect(names(searchStudents(ROSTER, 'l', { likely, hasCopy }))).toEqual([
      'GIRARD LOÏC',
      'BENOÎT LOÏG',
      'BENOÎT LOÏC',
    ]);
    // A student the reading does not rank (a roster longer than `likely`) comes after those it does.
    expect(names(searchStudents(ROSTER, 'b', { likely: [emailOf('BENOÎT LOÏG')] }))).toEqual([
      'BENOÎT LOÏG',
      'BEN ROMDHANE ADAM',
      'BENOÎT LOÏC',
    ]);
  });
});
