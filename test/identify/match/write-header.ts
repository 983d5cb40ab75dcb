// How students fill the boxes from their own name: no accents (the boxes take capitals), separators
// written as an empty box, a hyphen or nothing, and now and then a slip: the rows swapped, the first box
// skipped, a letter forgotten.
import { normalizeName } from '../../../core/roster/load-roster';
import type { Random } from '../../generator/random';
import type { ClassMember } from './class-roster';
import type { WrittenHeader } from './simulate';

export interface Habits {
  swapRows: number;
  skipFirstBox: number;
  dropLetter: number;
}

export const USUAL_HABITS: Habits = { swapRows: 0.05, skipFirstBox: 0.03, dropLetter: 0.02 };

function separator(char: string, rng: Random): string {
  const r = rng.next();
  if (char === ' ') return r < 0.5 ? ' ' : r < 0.8 ? '' : '-';
  if (char === '-') return r < 0.6 ? '-' : r < 0.8 ? ' ' : '';
  return r < 0.5 ? "'" : r < 0.8 ? '' : ' ';
}

function writeName(name: string, habits: Habits, rng: Random): string {
  let text = [...normalizeName(name)].map((c) => (/[ '-]/.test(c) ? separator(c, rng) : c)).join('');
  if (rng.chance(habits.dropLetter) && text.length > 3) {
    const at = rng.int(1, text.length - 1);
    text = text.slice(0, at) + text.slice(at + 1);
  }
  return rng.chance(habits.skipFirstBox) ? ` ${text}` : text;
}

export function writeHeader(member: ClassMember, rng: Random, habits: Habits = USUAL_HABITS): WrittenHeader {
  const last = writeName(member.lastName, habits, rng);
  const first = writeName(member.firstName, habits, rng);
  const swapped = rng.chance(habits.swapRows);
  return {
    lastName: swapped ? first : last,
    firstName: swapped ? last : first,
    birthDate: member.birthDate.replace(/\//g, ''),
  };
}
