// People who are not on the roster but hand in a copy (a student from another class, a late enrolment):
// the station must never give their copy to a roster student. Some share a last name or a birth date with
// a roster student, the near misses a matcher is most tempted by.
import { COMPOUND_LAST_NAMES, FIRST_NAMES, LAST_NAMES } from './names';
import type { Random } from './random';
import { drawBirthDate, uniqueEmail } from './roster';
import type { RosterStudent } from './types';

const OTHER_CLASS = 'T.02';

export function drawStrangers(rng: Random, roster: readonly RosterStudent[], count: number): RosterStudent[] {
  const names = new Set(roster.map((s) => s.name));
  const emails = new Set(roster.map((s) => s.email));
  const strangers: RosterStudent[] = [];
  while (strangers.length < count) {
    const lastName = rng.chance(0.5)
      ? rng.pick(roster).lastName
      : rng.pick(rng.chance(0.15) ? COMPOUND_LAST_NAMES : LAST_NAMES);
    const firstName = rng.pick(FIRST_NAMES);
    const name = `${lastName} ${firstName}`;
    if (names.has(name)) continue;
    names.add(name);
    strangers.push({
      name,
      lastName,
      firstName,
      birthDate: rng.chance(0.3) ? rng.pick(roster).birthDate : drawBirthDate(rng),
      email: uniqueEmail(lastName, firstName, emails),
      className: OTHER_CLASS,
    });
  }
  return strangers;
}
