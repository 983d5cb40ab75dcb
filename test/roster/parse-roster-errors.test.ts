// Every roster problem is a roster-invalid error naming the file, the line and what is wrong.
import { describe, expect, it } from 'vitest';
import { crlf, rosterErrorMessage, utf8 } from './csv-bytes';

const HEADER = 'Élèves;Né(e) le;Adresse E-mail;Classe';

function rosterWith(...rows: string[]): Uint8Array {
  return utf8(crlf(HEADER, 'ABID YOUCEF;01/02/2008;youcef@x.fr;T.01', ...rows), { bom: true });
}

describe('parseRoster file errors', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'eleves.csv: is empty'],
    ['a BOM and blank lines', utf8('\r\n \r\n', { bom: true }), 'eleves.csv: is empty'],
    ['rows of empty cells', utf8(';;;\r\n;;;\r\n'), 'eleves.csv: is empty'],
    [
      'NUL bytes',
      Uint8Array.from([0x45, 0x00, 0x01, 0x02, 0xff]),
      'eleves.csv: is a binary file, not a CSV text file',
    ],
    ['an xlsx workbook', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'is a spreadsheet workbook'],
    ['a PDF', utf8('%PDF-1.7\n'), 'eleves.csv: is a PDF, not a CSV roster'],
  ])('rejects %s', (_, bytes, message) => {
    expect(rosterErrorMessage(bytes)).toContain(message);
  });

  it('rejects a control character and names its line', () => {
    expect(rosterErrorMessage(rosterWith('BEN\u0007 SADRI;21/09/2008;s@x.fr;T.01'))).toBe(
      'eleves.csv, line 3: is not a text file (it holds a control character)',
    );
  });

  it('rejects a header without students', () => {
    expect(rosterErrorMessage(utf8(crlf('', HEADER, '', ';;;')))).toBe(
      'eleves.csv, line 2: has a header but no students',
    );
  });

  it('lists the columns found when a required one is missing', () => {
    expect(
      rosterErrorMessage(utf8(crlf('Élèves;Date;Adresse E-mail;EDS ', 'A B;01/01/2008;a@x.fr;SES'))),
    ).toBe(
      'eleves.csv, line 1: missing required column "Né(e) le" (columns found: "Élèves", "Date", "Adresse E-mail", "EDS")',
    );
  });

  it('names every missing required column, the name one with its alternative', () => {
    expect(rosterErrorMessage(utf8(crlf('Prénom,Classe', 'SADRI,T.01')))).toBe(
      'eleves.csv, line 1: missing required columns "Élèves" (or "Nom" and "Prénom"), "Né(e) le", "Adresse E-mail" ' +
        '(columns found: "Prénom", "Classe")',
    );
  });

  it('rejects a quoted cell never closed, naming the line it opens on', () => {
    expect(rosterErrorMessage(rosterWith('"BEN JEMAA SADRI;21/09/2008;s@x.fr;T.01'))).toBe(
      'eleves.csv, line 3: a quoted cell is never closed (a " is missing)',
    );
  });
});

describe('parseRoster row errors', () => {
  it.each([
    ['31/02/2008', 'birth date "31/02/2008" is not a real date'],
    ['29/02/2007', 'birth date "29/02/2007" is not a real date'],
    ['2008-13-01', 'birth date "2008-13-01" is not a real date'],
    ['21/09/0208', 'birth date "21/09/0208" is not a real date'],
    ['21/09/08', 'birth date "21/09/08" has a two-digit year; write it as dd/mm/yyyy'],
    ['septembre 2008', 'birth date "septembre 2008" is not a date in dd/mm/yyyy form'],
    ['', 'birth date is empty'],
  ])('rejects the birth date "%s"', (date, problem) => {
    expect(rosterErrorMessage(rosterWith(`BEN JEMAA SADRI;${date};s@x.fr;T.01`))).toBe(
      `eleves.csv, line 3: ${problem}`,
    );
  });

  it.each([
    ['sadri.benjemaa', 'e-mail address "sadri.benjemaa" is not valid'],
    ['sadri@ert', 'e-mail address "sadri@ert" is not valid'],
    ['sadri ben@ert.tn', 'e-mail address "sadri ben@ert.tn" is not valid'],
    ['a@b@ert.tn', 'e-mail address "a@b@ert.tn" is not valid'],
    ['', 'e-mail address is empty'],
  ])('rejects the e-mail "%s"', (email, problem) => {
    expect(rosterErrorMessage(rosterWith(`BEN JEMAA SADRI;21/09/2008;${email};T.01`))).toBe(
      `eleves.csv, line 3: ${problem}`,
    );
  });

  it('rejects an empty name and a name without letters', () => {
    expect(rosterErrorMessage(rosterWith(';21/09/2008;s@x.fr;T.01'))).toBe(
      'eleves.csv, line 3: student name is empty',
    );
    expect(rosterErrorMessage(rosterWith('- -;21/09/2008;s@x.fr;T.01'))).toBe(
      'eleves.csv, line 3: student name "- -" has no letters',
    );
  });

  it('rejects the same student twice, however the name is cased or accented', () => {
    expect(rosterErrorMessage(rosterWith('', 'Abid Yöucef;1/2/2008;other@x.fr;T.02'))).toBe(
      'eleves.csv, line 4: "Abid Yöucef" born 2008-02-01 is already on line 2',
    );
  });

  it('rejects the same e-mail twice, whatever its case', () => {
    expect(rosterErrorMessage(rosterWith('BEN JEMAA SADRI;21/09/2008;YOUCEF@x.fr;T.01'))).toBe(
      'eleves.csv, line 3: e-mail address "YOUCEF@x.fr" is already on line 2',
    );
  });

  it('lists the first five problems in one message and counts the rest', () => {
    const rows = Array.from(
      { length: 7 },
      (_, i) => `STUDENT ${String.fromCharCode(65 + i)};31/02/2008;s${i}@x.fr;T.01`,
    );
    expect(rosterErrorMessage(rosterWith(...rows))).toBe(
      'eleves.csv, ' +
        [3, 4, 5, 6, 7].map((line) => `line ${line}: birth date "31/02/2008" is not a real date`).join('; ') +
        '; and 2 more problems',
    );
  });
});
