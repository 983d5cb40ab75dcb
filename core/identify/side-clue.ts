// What pairing needs from a side reading: its role, and which sheet of which length of copy its page
// boxes say it is.
import type { SideReading } from './types';

export interface SideClue {
  role: 'recto' | 'verso' | 'unknown';
  /** Which sheet of its copy the side's page boxes say it is (0 for pages 1–4), null when they do not tell. */
  sheetNo: number | null;
  /** How many pages the copy has, as the page boxes' "/ N" say; null when they do not tell. */
  copyPages: number | null;
}

/** Page numbers a sheet's pages carry, 4k + this, in reading order: recto [P1, P4], verso [P2, P3]. */
const OFFSETS = { recto: [1, 4], verso: [2, 3] } as const;

/** The sheet k the numbers fit on a side read as `role`; null when none is read or they disagree. */
function sheetNumber(numbers: readonly (number | null)[], role: 'recto' | 'verso'): number | null {
  const ks = numbers.flatMap((n, i) => (n === null ? [] : [(n - OFFSETS[role][i]!) / 4]));
  const k = ks[0];
  if (k === undefined || !Number.isInteger(k) || k < 0) return null;
  return ks.every((other) => other === k) ? k : null;
}

/** The "/ N" both pages agree on (or the only one read). */
function copyPages(totals: readonly (number | null)[]): number | null {
  const read = totals.filter((n): n is number => n !== null && n > 0);
  return read.length > 0 && read.every((n) => n === read[0]) ? read[0]! : null;
}

export function sideClue(reading: SideReading): SideClue {
  const numbers = reading.pageBoxes.map((box) => box?.best.number ?? null);
  const pages = copyPages(reading.pageBoxes.map((box) => box?.best.total ?? null));
  if (reading.role === 'recto') {
    return { role: 'recto', sheetNo: sheetNumber(numbers, 'recto'), copyPages: pages };
  }
  // No header found, but both page boxes read as a recto's P4 and P1 (in a verso's reading order, its
  // displayed halves swap): a recto whose header was missed.
  const asRecto = sheetNumber([numbers[1] ?? null, numbers[0] ?? null], 'recto');
  if (reading.role === 'verso' && numbers.every((n) => n !== null) && asRecto !== null) {
    return { role: 'recto', sheetNo: asRecto, copyPages: pages };
  }
  return { role: reading.role, sheetNo: sheetNumber(numbers, 'verso'), copyPages: pages };
}
