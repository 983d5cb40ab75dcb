// Pronote's `Élèves` column is "LASTNAME FIRSTNAME" in one string, and 3–4-word names ("BEN HADJ YAHIA
// MOHAMED AMINE") cannot be split by rule. So a student is every way their words can be shared between
// the NOM and PRÉNOM rows, each with a prior, and the header decides which fits.
import { normalizeName } from '../../roster/load-roster';

/** One box the student fills with a known character. */
export interface CharSlot {
  char: string;
}

/** Where the roster has a separator, the student may write it, leave a box empty, or write nothing. */
export interface SeparatorSlot {
  /** `char` '' means an empty box; null means no box at all. */
  options: { char: string | null; logPrior: number }[];
}

export type Slot = CharSlot | SeparatorSlot;

export interface NameVariant {
  /** What goes in the NOM row and the PRÉNOM row, as written in the roster (the cache key of a part). */
  lastName: string;
  firstName: string;
  logPrior: number;
}

const SEPARATOR_HABITS: Record<string, SeparatorSlot> = {
  ' ': {
    options: [
      { char: '', logPrior: Math.log(0.5) },
      { char: null, logPrior: Math.log(0.3) },
      { char: '-', logPrior: Math.log(0.2) },
    ],
  },
  '-': {
    options: [
      { char: '-', logPrior: Math.log(0.6) },
      { char: '', logPrior: Math.log(0.2) },
      { char: null, logPrior: Math.log(0.2) },
    ],
  },
  "'": {
    options: [
      { char: "'", logPrior: Math.log(0.5) },
      { char: null, logPrior: Math.log(0.3) },
      { char: '', logPrior: Math.log(0.2) },
    ],
  },
};

/** Most students write NOM in NOM; some swap the rows. */
const SWAPPED_ROWS = 0.1;

/** The boxes a part of a name asks for, as the roster spells it (already normalised). */
export function nameSlots(part: string): Slot[] {
  return [...part].map((char) => SEPARATOR_HABITS[char] ?? { char });
}

export function nameVariants(rosterName: string): NameVariant[] {
  const words = normalizeName(rosterName).split(' ');
  const splits = Math.max(1, words.length - 1);
  const variants: NameVariant[] = [];
  for (let s = 1; s <= splits; s++) {
    const lastName = words.slice(0, s).join(' ');
    const firstName = words.slice(s).join(' ');
    const split = Math.log(1 / splits);
    variants.push({ lastName, firstName, logPrior: split + Math.log(1 - SWAPPED_ROWS) });
    variants.push({ lastName: firstName, firstName: lastName, logPrior: split + Math.log(SWAPPED_ROWS) });
  }
  return variants;
}
