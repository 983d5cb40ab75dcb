// The roster made to disagree with some headers (see RosterTwists): rewritten as the school would export
// it, the truth untouched (the same students wrote the same pages).
import Papa from 'papaparse';
import { Random } from '../../test/generator/random';
import type { GeneratedBatch } from '../../test/generator/types';

/**
 * What the school's roster says differently from what the students wrote, drawn among present roster
 * students who are nobody's twin or sibling (seeded): `wrongDates` students whose birth date the roster
 * gives one day and one year off (a date written or typed wrong: the name says who, the date disagrees);
 * `nearNames` students given an absent namesake on the roster, same last name and birth date, a first
 * name one letter away, a letter a hand writes alike (SÉLIM / SÉLIN): only one box tells them apart.
 */
export interface RosterTwists {
  seed: number;
  wrongDates: number;
  nearNames: number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function twistRoster(
  batch: GeneratedBatch,
  twists: RosterTwists,
  log: (line: string) => void,
): Buffer {
  const rng = new Random(twists.seed);
  const text = batch.roster.csvUtf8.subarray(BOM.length).toString('utf8');
  const [header, ...rows] = Papa.parse<string[]>(text.trim()).data;
  const relatives = new Set([...(batch.truth.twins ?? []), ...(batch.truth.siblings ?? [])].flat());
  const present = new Set(batch.truth.sheets.map((sheet) => sheet.student));
  const chosen = rng
    .shuffle(batch.roster.students.filter((one) => present.has(one.email) && !relatives.has(one.email)))
    .slice(0, twists.wrongDates + twists.nearNames);
  if (chosen.length < twists.wrongDates + twists.nearNames)
    throw new Error(`roster twists: only ${chosen.length} students may be twisted`);
  const rowOf = (email: string) => rows.find((row) => row[2] === email)!;
  for (const student of chosen.slice(0, twists.wrongDates)) {
    const row = rowOf(student.email);
    row[1] = dateOff(student.birthDate);
    log(`roster twist: ${student.name} wrote ${student.birthDate}, the roster says ${row[1]}`);
  }
  for (const student of chosen.slice(twists.wrongDates)) {
    const firstName = oneLetterAway(student.firstName);
    const name = `${student.lastName} ${firstName}`;
    const ascii = (text: string) =>
      text
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase();
    const email = `${ascii(firstName)}.${ascii(student.lastName)}-nn-e@ert.tn`;
    rows.push([name, student.birthDate, email, ...rowOf(student.email).slice(3)]);
    log(`roster twist: ${student.name} has an absent namesake ${name}`);
  }
  rows.sort((a, b) => a[0]!.localeCompare(b[0]!, 'fr'));
  return Buffer.concat([BOM, Buffer.from(Papa.unparse([header!, ...rows]), 'utf8')]);
}

/** dd/mm/yyyy one day and one year away (still a real date: days stay within 1..28 when moved). */
function dateOff(date: string): string {
  const [dd, mm, yyyy] = date.split('/').map(Number) as [number, number, number];
  const day = dd <= 27 ? dd + 1 : dd - 1;
  const year = yyyy === 2008 ? 2007 : yyyy + 1;
  return `${String(day).padStart(2, '0')}/${String(mm).padStart(2, '0')}/${year}`;
}

/** Capitals a hand writes alike (M / N, U / V, E / F, O / D, C / G, I / L). */
const LOOK_ALIKE: Readonly<Record<string, string>> = {
  M: 'N',
  N: 'M',
  U: 'V',
  V: 'U',
  E: 'F',
  F: 'E',
  O: 'D',
  D: 'O',
  C: 'G',
  G: 'C',
  I: 'L',
  L: 'I',
};

/**
 * A first name one box away: its last letter that has a look-alike changed for it (SÉLIM → SÉLIN, ADAM →
 * ADAN), else an E after it (a name of letters without look-alikes).
 */
function oneLetterAway(firstName: string): string {
  for (let at = firstName.length - 1; at >= 0; at--) {
    const other = LOOK_ALIKE[firstName[at]!];
    if (other) return `${firstName.slice(0, at)}${other}${firstName.slice(at + 1)}`;
  }
  return `${firstName}E`;
}
