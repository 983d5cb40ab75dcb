// Near twins and siblings on the roster: the students a closed-world matcher most easily confuses, since
// only their first names (and, for siblings, their birth dates) tell them apart.
import { FIRST_NAMES } from './names';
import type { Random } from './random';
import type { RosterStudent } from './types';

export interface DrawnName {
  lastName: string;
  firstName: string;
}

/**
 * Makes `pairs` pairs of twins (the second takes the first's last name and birth date) and as many pairs
 * of siblings (the last name only, the birth date made to differ), each from two distinct students.
 * Returns the indices of every student made a relative.
 */
export function makeRelatives(
  rng: Random,
  names: DrawnName[],
  dates: string[],
  pairs: number,
  drawDate: (rng: Random) => string,
): number[] {
  const full = (n: DrawnName) => `${n.lastName} ${n.firstName}`;
  const taken = new Set(names.map(full));
  const chosen = rng.shuffle(names.map((_, i) => i)).slice(0, 4 * pairs);
  for (let k = 0; k < 2 * pairs; k++) {
    const a = chosen[2 * k] as number;
    const b = chosen[2 * k + 1] as number;
    const first = names[a] as DrawnName;
    const second = names[b] as DrawnName;
    taken.delete(full(second));
    second.lastName = first.lastName;
    // A plain first name: a compound one after a compound last name would make a 5-word name.
    while (second.firstName === first.firstName || taken.has(full(second)))
      second.firstName = rng.pick(FIRST_NAMES);
    taken.add(full(second));
    if (k < pairs) dates[b] = dates[a] as string;
    else while (dates[b] === dates[a]) dates[b] = drawDate(rng);
  }
  return chosen;
}

/** Every pair of students sharing a last name, split by whether they share a birth date too (emails). */
export function relativePairs(students: readonly RosterStudent[]): {
  twins: [string, string][];
  siblings: [string, string][];
} {
  const twins: [string, string][] = [];
  const siblings: [string, string][] = [];
  students.forEach((a, i) => {
    for (const b of students.slice(i + 1)) {
      if (a.lastName !== b.lastName) continue;
      (a.birthDate === b.birthDate ? twins : siblings).push([a.email, b.email]);
    }
  });
  return { twins, siblings };
}
