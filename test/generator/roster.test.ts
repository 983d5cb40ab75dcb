import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Random } from './random';
import { ROSTER_HEADER, generateRoster } from './roster';

const roster = generateRoster(new Random(11), 80);

function parse(text: string, delimiter: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

const expectedRows = () => roster.students.map((s) => [s.name, s.birthDate, s.email, s.className]);

describe('roster', () => {
  it('writes the Pronote export: UTF-8 with BOM, commas, CRLF, the header with its trailing space', () => {
    const bytes = roster.csvUtf8;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    expect(text.split('\r\n')[0]).toBe('Élèves,Né(e) le,Adresse E-mail,Classe,EDS ,Groupe');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    const rows = parse(text, ',');
    expect(rows[0]).toEqual([...ROSTER_HEADER]);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual(expectedRows());
    // The specialities column holds commas: it only survives because it is quoted.
    expect(rows.slice(1).some((r) => (r[4] ?? '').includes(','))).toBe(true);
    expect(rows.every((r) => r.length === 6)).toBe(true);
  });

  it('writes the spreadsheet copy in Windows-1252 with semicolons', () => {
    const bytes = roster.csvWin1252;
    expect(bytes.includes(Buffer.from([0xc3]))).toBe(false); // no UTF-8 lead byte of "É"/"È"…
    expect(bytes.includes(Buffer.from([0xc9]))).toBe(true); // "É" in 1252
    const rows = parse(new TextDecoder('windows-1252').decode(bytes), ';');
    expect(rows[0]).toEqual([...ROSTER_HEADER]);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual(expectedRows());
  });

  it('has the names, dates and emails that make identification hard', () => {
    const { students } = roster;
    const names = students.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    expect(new Set(names).size).toBe(names.length);
    for (const s of students) {
      expect(s.name).toBe(`${s.lastName} ${s.firstName}`);
      expect(s.name).toBe(s.name.toUpperCase());
      expect(s.birthDate).toMatch(/^\d{2}\/\d{2}\/(2006|2007|2008)$/);
      expect(s.email).toMatch(/^[a-z-]+\.[a-z-]+\d*-e@ert\.tn$/);
      expect(s.className).toBe('T.01');
    }
    expect(new Set(students.map((s) => s.email)).size).toBe(students.length);
    const longNames = students.filter((s) => s.name.split(' ').length >= 3).length / students.length;
    expect(longNames).toBeGreaterThan(0.1);
    expect(longNames).toBeLessThan(0.4);
    expect(names.some((n) => /[ÉÈÊËÏÎÇÔÂ]/.test(n))).toBe(true);
    const byDate = new Map<string, number>();
    for (const s of students) byDate.set(s.birthDate, (byDate.get(s.birthDate) ?? 0) + 1);
    const sharing = students.filter((s) => (byDate.get(s.birthDate) ?? 0) > 1).length / students.length;
    expect(sharing).toBeGreaterThan(0.1);
    expect(sharing).toBeLessThan(0.4);
    const lastNames = students.map((s) => s.lastName);
    expect(new Set(lastNames).size).toBeLessThan(lastNames.length); // siblings
    const firstNames = students.map((s) => s.firstName);
    expect(new Set(firstNames).size).toBeLessThan(firstNames.length);
  });
});
