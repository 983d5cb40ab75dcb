// Rosters for matching tests, loaded through the real Pronote parser, each student paired with the
// last/first name split only the student knows (the roster's one `Élèves` column does not say).
import { parseRoster, type RosterStudent } from '../../../core/roster/load-roster';
import { generateRoster } from '../../generator/roster';
import { Random } from '../../generator/random';

export interface ClassMember {
  student: RosterStudent;
  lastName: string;
  firstName: string;
  /** dd/mm/yyyy */
  birthDate: string;
}

export interface PersonSpec {
  lastName: string;
  firstName: string;
  birthDate: string;
}

function emailOf(person: PersonSpec, n: number): string {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${ascii(person.firstName)}.${ascii(person.lastName)}${n}@lycee.test`;
}

/** A roster CSV as Pronote exports it, parsed by `parseRoster`. */
export function rosterOf(people: readonly PersonSpec[]): ClassMember[] {
  const lines = ['Élèves;Né(e) le;Adresse E-mail;Classe'];
  people.forEach((p, n) => lines.push(`${p.lastName} ${p.firstName};${p.birthDate};${emailOf(p, n)};T.01`));
  const roster = parseRoster(new TextEncoder().encode(lines.join('\r\n')), 'roster.csv');
  return roster.students.map((student, n) => {
    const { lastName, firstName, birthDate } = people[n] as PersonSpec;
    return { student, lastName, firstName, birthDate };
  });
}

/** A Pronote-like class from the batch generator: siblings, shared birth dates, 3–4-word names. */
export function generatedClass(seed: number, size: number): ClassMember[] {
  return rosterOf(generateRoster(new Random(seed), size).students);
}
