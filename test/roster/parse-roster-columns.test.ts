// Header names as Pronote, spreadsheets and people write them, and the dates they hold.
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../core/roster/load-roster';
import type { Roster } from '../../core/roster/load-roster';
import { crlf, utf8 } from './csv-bytes';

function parse(header: string, ...rows: string[]): Roster {
  return parseRoster(utf8(crlf(header, ...rows)), 'eleves.csv');
}

describe('parseRoster columns', () => {
  it.each([
    'eleves;ne le;email',
    'ÉLÈVES; NÉ(E) LE ;E-MAIL',
    ' Élève ;Date de naissance;Adresse mail',
    'Nom Prénom;Né le;Mail',
    'Élèves;Date de naissance;Courriel',
  ])('maps the header "%s"', (header) => {
    const [student] = parse(header, 'BEN JEMAA SADRI;21/09/2008;s@x.fr').students;
    expect(student).toMatchObject({ name: 'BEN JEMAA SADRI', birthDate: '2008-09-21', email: 's@x.fr' });
    expect(student?.className).toBe('');
  });

  it('combines "Nom" and "Prénom" columns into the name, last name first', () => {
    const [student] = parse(
      'Prénom;Nom;Né(e) le;E-mail;Classe',
      'Sandra-Inès;KERBEJ;15/11/2008;k@x.fr;T.03',
    ).students;
    expect(student).toMatchObject({ name: 'KERBEJ Sandra-Inès', tokens: ['KERBEJ', 'SANDRA', 'INES'] });
    expect(student).toMatchObject({ className: 'T.03', extra: {} });
  });

  it('takes a lone "Nom" column as the whole name', () => {
    expect(parse('Nom;Né(e) le;E-mail', 'BEN JEMAA SADRI;21/09/2008;s@x.fr').students[0]?.name).toBe(
      'BEN JEMAA SADRI',
    );
  });

  it('prefers "Élèves" and keeps "Nom" and "Prénom" as extra columns', () => {
    const [student] = parse(
      'Élèves;Nom;Prénom;Né(e) le;E-mail',
      'BEN JEMAA SADRI;BEN JEMAA;SADRI;21/09/2008;s@x.fr',
    ).students;
    expect(student).toMatchObject({ name: 'BEN JEMAA SADRI', extra: { Nom: 'BEN JEMAA', Prénom: 'SADRI' } });
  });

  it('keeps unknown columns as extras, numbering a repeated header', () => {
    const roster = parse('Élèves;Né(e) le;E-mail;EDS ;Groupe;Groupe', 'A B;01/01/2008;a@x.fr;SES;G1;G7');
    expect(roster.students[0]?.extra).toEqual({ EDS: 'SES', Groupe: 'G1', 'Groupe (2)': 'G7' });
  });

  it('uses the first of two columns meaning the same and warns', () => {
    const roster = parse('Élèves;Né(e) le;E-mail;Adresse E-mail', 'A B;01/01/2008;a@x.fr;b@y.fr');
    expect(roster.students[0]).toMatchObject({ email: 'a@x.fr', extra: { 'Adresse E-mail': 'b@y.fr' } });
    expect(roster.warnings).toEqual([
      'eleves.csv: columns "E-mail" and "Adresse E-mail" both look like the e-mail address; using "E-mail"',
    ]);
  });

  it.each([
    ['21/09/2008', '2008-09-21'],
    ['1/2/2008', '2008-02-01'],
    ['2008-09-21', '2008-09-21'],
    ['21.09.2008', '2008-09-21'],
    ['21/09/2008 00:00:00', '2008-09-21'],
    ['29/02/2008', '2008-02-29'],
  ])('reads the birth date "%s" as %s', (raw, iso) => {
    expect(parse('Élèves;Né(e) le;E-mail', `A B;${raw};a@x.fr`).students[0]?.birthDate).toBe(iso);
  });
});
