// A Pronote-like class roster: the UTF-8 export and the same list re-saved by a spreadsheet in Windows-1252.
import { COMPOUND_FIRST_NAMES, COMPOUND_LAST_NAMES, FIRST_NAMES, LAST_NAMES, SPECIALITIES } from './names';
import type { Random } from './random';
import { makeRelatives } from './relatives';
import type { RosterStudent } from './types';
import { encodeWin1252 } from './win1252';

export const ROSTER_HEADER = ['Élèves', 'Né(e) le', 'Adresse E-mail', 'Classe', 'EDS ', 'Groupe'] as const;
const CLASS_NAME = 'T.01';
const EMAIL_DOMAIN = 'ert.tn';

interface RosterRow {
  student: RosterStudent;
  specialities: string;
  group: string;
}

export interface Roster {
  /** In Pronote's order (alphabetical by name). */
  students: RosterStudent[];
  csvUtf8: Buffer;
  csvWin1252: Buffer;
  /** Emails of the students `twins` made twins or siblings. */
  relatives: string[];
}

/** `twins`: how many pairs of twins (and of siblings) to make, from their own random stream. */
export function generateRoster(rng: Random, count: number, twins?: { pairs: number; rng: Random }): Roster {
  const names = drawNames(rng, count);
  const birthDates = drawBirthDates(rng, count);
  const relatives = twins ? makeRelatives(twins.rng, names, birthDates, twins.pairs, drawBirthDate) : [];
  const emails = new Set<string>();
  const rows: RosterRow[] = names.map(({ lastName, firstName }, i) => ({
    student: {
      name: `${lastName} ${firstName}`,
      lastName,
      firstName,
      birthDate: birthDates[i] as string,
      email: uniqueEmail(lastName, firstName, emails),
      className: CLASS_NAME,
    },
    specialities: rng.pick(SPECIALITIES),
    group: rng.chance(0.5) ? 'G1' : 'G2',
  }));
  const relativeEmails = relatives.map((i) => (rows[i] as RosterRow).student.email);
  rows.sort((a, b) => a.student.name.localeCompare(b.student.name, 'fr'));
  const table = [
    [...ROSTER_HEADER],
    ...rows.map((r) => [
      r.student.name,
      r.student.birthDate,
      r.student.email,
      r.student.className,
      r.specialities,
      r.group,
    ]),
  ];
  return {
    students: rows.map((r) => r.student),
    csvUtf8: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(table, ','), 'utf8')]),
    csvWin1252: encodeWin1252(toCsv(table, ';')),
    relatives: relativeEmails,
  };
}

function drawNames(rng: Random, count: number): { lastName: string; firstName: string }[] {
  const names: { lastName: string; firstName: string }[] = [];
  const taken = new Set<string>();
  while (names.length < count) {
    const sibling = names.length > 0 && rng.chance(0.1);
    // ~22 % of Pronote names have 3–4 words; two compound parts would make 5, which rosters rarely show.
    const shape = rng.next();
    const lastName = sibling
      ? rng.pick(names).lastName
      : shape < 0.14
        ? rng.pick(COMPOUND_LAST_NAMES)
        : rng.pick(LAST_NAMES);
    const firstName =
      shape >= 0.14 && shape < 0.23 && lastName.split(' ').length === 1
        ? rng.pick(COMPOUND_FIRST_NAMES)
        : rng.pick(FIRST_NAMES);
    const name = `${lastName} ${firstName}`;
    if (taken.has(name)) continue;
    taken.add(name);
    names.push({ lastName, firstName });
  }
  return names;
}

/** dd/mm/yyyy; about a fifth of the class shares a birth date with someone, as in real rosters. */
function drawBirthDates(rng: Random, count: number): string[] {
  const dates = Array.from({ length: count }, () => drawBirthDate(rng));
  const sharing = Math.round(count * 0.1);
  for (let k = 0; k < sharing && count > 1; k++) {
    const from = rng.int(0, count - 1);
    const to = (from + rng.int(1, count - 1)) % count;
    dates[to] = dates[from] as string;
  }
  return dates;
}

/** dd/mm/yyyy, mostly in the year a Terminale class was born. */
export function drawBirthDate(rng: Random): string {
  const year = rng.chance(0.75) ? 2007 : rng.chance(0.6) ? 2008 : 2006;
  const day = new Date(Date.UTC(year, 0, 1 + rng.int(0, 364)));
  const dd = String(day.getUTCDate()).padStart(2, '0');
  const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${day.getUTCFullYear()}`;
}

export function uniqueEmail(lastName: string, firstName: string, taken: Set<string>): string {
  const first = asciiLower(firstName).replace(/[\s']/g, '');
  const last = asciiLower(lastName).replace(/[\s']/g, '');
  let email = `${first}.${last}-e@${EMAIL_DOMAIN}`;
  for (let n = 2; taken.has(email); n++) email = `${first}.${last}${n}-e@${EMAIL_DOMAIN}`;
  taken.add(email);
  return email;
}

function asciiLower(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function toCsv(rows: string[][], separator: string): string {
  const quote = (field: string) =>
    field.includes(separator) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  return rows.map((row) => row.map(quote).join(separator)).join('\r\n') + '\r\n';
}
