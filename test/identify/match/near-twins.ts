// The classes that make matching hard: twins (same family name and birth date) whose first names differ by
// one letter or one shape (MARIE / MARIEM, ADAM / ADEM, LINA / LINDA), namesakes sharing a first name and
// a birth date, siblings, and 3–4-word names.
import { generateRoster } from '../../generator/roster';
import { Random } from '../../generator/random';
import { rosterOf, type ClassMember, type PersonSpec } from './class-roster';

const CLOSE_FIRST_NAMES: [string, string][] = [
  ['MARIE', 'MARIEM'],
  ['ADAM', 'ADEM'],
  ['LINA', 'LINDA'],
  ['SARA', 'SARRA'],
  ['YASMIN', 'YASMINE'],
  ['INES', 'INAS'],
  ['NOUR', 'NOOR'],
  ['AMINE', 'AMINA'],
  ['EYA', 'EVA'],
  ['ALI', 'ALIA'],
];

const FAMILY_NAMES = ['TRABELSI', 'BEN JEMAA', 'GHARBI', 'EL AMRI', 'MERCIER', 'BEN HADJ YAHIA', 'HAMMAMI'];

function date(rng: Random): string {
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const month = String(rng.int(1, 12)).padStart(2, '0');
  return `${day}/${month}/${rng.chance(0.8) ? 2007 : 2008}`;
}

/** About 30 students, half of them in pairs a reader can confuse. */
export function nearTwinClass(seed: number): ClassMember[] {
  const rng = new Random(seed);
  const people: PersonSpec[] = [];
  const pairs = rng.shuffle(CLOSE_FIRST_NAMES).slice(0, 5);
  pairs.forEach(([a, b], i) => {
    const lastName = FAMILY_NAMES[(seed + i) % FAMILY_NAMES.length] as string;
    const birthDate = date(rng);
    people.push({ lastName, firstName: a, birthDate }, { lastName, firstName: b, birthDate });
  });
  // Namesakes: same first name and birth date, family names one letter apart.
  const sharedDate = date(rng);
  people.push(
    { lastName: 'MEJRI', firstName: 'MOHAMED AMINE', birthDate: sharedDate },
    { lastName: 'MEJBRI', firstName: 'MOHAMED AMINE', birthDate: sharedDate },
    { lastName: 'ZOUARI', firstName: 'FATMA ZAHRA', birthDate: sharedDate },
    { lastName: 'ZOUAOUI', firstName: 'FATMA ZAHRA', birthDate: sharedDate },
  );
  const taken = new Set(people.map((p) => `${p.lastName} ${p.firstName}`));
  for (const other of generateRoster(rng, 30).students) {
    if (people.length >= 30) break;
    if (taken.has(`${other.lastName} ${other.firstName}`)) continue;
    taken.add(`${other.lastName} ${other.firstName}`);
    people.push({ lastName: other.lastName, firstName: other.firstName, birthDate: other.birthDate });
  }
  return rosterOf(rng.shuffle(people));
}
