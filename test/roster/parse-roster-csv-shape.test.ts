// Quotes, blank lines and padding that spreadsheets put in CSV files, and the line numbers kept through them.
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../core/roster/load-roster';
import { crlf, utf8 } from './csv-bytes';

function linesAndNames(csv: string): [number, string][] {
  return parseRoster(utf8(csv), 'eleves.csv').students.map((s) => [s.line, s.name]);
}

describe('parseRoster CSV shape', () => {
  it('reads quoted cells holding the delimiter and doubled quotes', () => {
    const csv = crlf(
      '"Élèves","Né(e) le","Adresse E-mail","Groupe"',
      '"DUPONT JEAN",15/03/2008,jean@x.fr,"G1, G2"',
      '"MARTIN ""PAULO"" PAUL",20/06/2007,paul@x.fr,G2',
    );
    const roster = parseRoster(utf8(csv), 'eleves.csv');
    expect(roster.students.map((s) => [s.name, s.extra])).toEqual([
      ['DUPONT JEAN', { Groupe: 'G1, G2' }],
      ['MARTIN "PAULO" PAUL', { Groupe: 'G2' }],
    ]);
  });

  it('counts lines inside a quoted cell that spans two lines', () => {
    const csv = crlf(
      'Élèves;Né(e) le;Adresse E-mail;Remarque',
      'A B;01/01/2008;a@x.fr;"tiers\r\ntemps"',
      'C D;01/01/2008;c@x.fr;',
    );
    expect(linesAndNames(csv)).toEqual([
      [2, 'A B'],
      [4, 'C D'],
    ]);
  });

  it('skips blank lines and rows of empty cells, keeping the file line numbers', () => {
    const csv = crlf(
      '',
      'Élèves;Né(e) le;Adresse E-mail',
      '',
      'A B;01/01/2008;a@x.fr',
      ';;',
      '   ',
      'C D;02/01/2008;c@x.fr',
      '',
    );
    expect(linesAndNames(csv)).toEqual([
      [4, 'A B'],
      [7, 'C D'],
    ]);
  });

  it('accepts old Mac line ends (CR only)', () => {
    expect(
      linesAndNames('Élèves,Né(e) le,Adresse E-mail\rA B,01/01/2008,a@x.fr\rC D,02/01/2008,c@x.fr'),
    ).toEqual([
      [2, 'A B'],
      [3, 'C D'],
    ]);
  });

  it('ignores trailing empty columns and trims padded cells', () => {
    const csv = crlf('Élèves;Né(e) le;Adresse E-mail;;;', '  BEN   JEMAA  SADRI ; 21/09/2008 ; s@x.fr ;;;');
    const [student] = parseRoster(utf8(csv), 'eleves.csv').students;
    expect(student).toMatchObject({
      name: 'BEN JEMAA SADRI',
      birthDate: '2008-09-21',
      email: 's@x.fr',
      extra: {},
    });
  });

  it('warns once about values in a column without a header, naming the first line', () => {
    const csv = crlf(
      'Élèves;Né(e) le;Adresse E-mail',
      'A B;01/01/2008;a@x.fr;oops',
      'C D;01/01/2008;c@x.fr;again',
    );
    expect(parseRoster(utf8(csv), 'eleves.csv').warnings).toEqual([
      'eleves.csv, line 2: column 4 has no header; its values are ignored',
    ]);
  });

  it.each([';', '\t'])('follows the delimiter Excel declares on a first `sep=` line (%j)', (sep) => {
    const csv = crlf(
      `sep=${sep}`,
      ['Élèves', 'Né(e) le', 'Adresse E-mail', 'Groupe'].join(sep),
      ['A B', '01/01/2008', 'a@x.fr', 'G1, G2'].join(sep),
    );
    expect(parseRoster(utf8(csv), 'eleves.csv').students.map((s) => [s.line, s.name, s.extra])).toEqual([
      [3, 'A B', { Groupe: 'G1, G2' }],
    ]);
  });

  it('lets many students share a birth date', () => {
    const rows = ['A B', 'C D', 'E F', 'G H'].map((name, i) => `${name},21/09/2008,s${i}@x.fr`);
    expect(parseRoster(utf8(crlf('Élèves,Né(e) le,Adresse E-mail', ...rows)), 'r.csv').students).toHaveLength(
      4,
    );
  });
});
