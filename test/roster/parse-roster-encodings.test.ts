// The same roster as Pronote exports it and as spreadsheets re-save it.
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../core/roster/load-roster';
import { crlf, utf16le, utf8, windows1252 } from './csv-bytes';

const ACCENTED = ['HÉLOÏSE FRANÇOIS', 'MÈRE ÉLISE', 'GARÇON LOÏC'];

function namesOf(bytes: Uint8Array): string[] {
  return parseRoster(bytes, 'eleves.csv').students.map((student) => student.name);
}

describe('parseRoster encodings', () => {
  it('reads a Pronote export: UTF-8 BOM, commas, CRLF, `EDS ` header, extra columns', () => {
    const csv = crlf(
      'Élèves,Né(e) le,Adresse E-mail,Classe,EDS ,Groupe',
      'ABID YOUCEF,01/02/2008,youcef.abid-e@ert.tn,T.01,MATHS,G3',
      'BEN JEMAA SADRI,21/09/2008,sadri.benjemaa-e@ert.tn,T.01,SVT,G1',
    );
    const roster = parseRoster(utf8(csv, { bom: true }), 'eleves.csv');
    expect(roster).toEqual({
      file: 'eleves.csv',
      warnings: [],
      students: [
        {
          name: 'ABID YOUCEF',
          tokens: ['ABID', 'YOUCEF'],
          email: 'youcef.abid-e@ert.tn',
          birthDate: '2008-02-01',
          className: 'T.01',
          line: 2,
          extra: { EDS: 'MATHS', Groupe: 'G3' },
        },
        {
          name: 'BEN JEMAA SADRI',
          tokens: ['BEN', 'JEMAA', 'SADRI'],
          email: 'sadri.benjemaa-e@ert.tn',
          birthDate: '2008-09-21',
          className: 'T.01',
          line: 3,
          extra: { EDS: 'SVT', Groupe: 'G1' },
        },
      ],
    });
  });

  it('reads a Windows-1252 re-save with semicolons and warns to check the accents', () => {
    const csv = crlf(
      'Élèves;Né(e) le;Adresse E-mail;Classe',
      ...ACCENTED.map((name, i) => `${name};0${i + 1}/03/2008;s${i}@lycee.fr;1ère A`),
    );
    const roster = parseRoster(windows1252(csv), 'eleves.csv');
    expect(roster.students.map((s) => s.name)).toEqual(ACCENTED);
    expect(roster.students[0]?.tokens).toEqual(['HELOISE', 'FRANCOIS']);
    expect(roster.students[0]?.className).toBe('1ère A');
    expect(roster.warnings).toEqual([
      'eleves.csv is not UTF-8: read as Windows-1252; check that accented names look right',
    ]);
  });

  it('reads Windows-1252 characters from the 0x80–0x9F range (’ and Œ)', () => {
    const csv = crlf('Élèves;Né(e) le;Adresse E-mail', 'N’DIAYE Œ LOÏC;01/03/2008;l@lycee.fr');
    expect(namesOf(windows1252(csv))).toEqual(['N’DIAYE Œ LOÏC']);
  });

  it('reads UTF-8 without BOM, tab-separated', () => {
    const csv = ['Élèves\tNé(e) le\tAdresse E-mail', ...ACCENTED.map((n, i) => `${n}\t1/3/2008\tt${i}@x.fr`)];
    expect(namesOf(utf8(csv.join('\n')))).toEqual(ACCENTED);
  });

  it('reads UTF-16 with BOM, as Excel saves "Unicode text"', () => {
    const csv = crlf('Élèves\tNé(e) le\tAdresse E-mail', 'HÉLOÏSE FRANÇOIS\t01/03/2008\th@x.fr');
    expect(namesOf(utf16le(csv))).toEqual(['HÉLOÏSE FRANÇOIS']);
  });
});
