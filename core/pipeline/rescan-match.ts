// Which sheets of a stack are rescans of an earlier sheet (a jammed stack scanned again, the same sheets in
// a second file): found from the pixels of their sides, checked against what was read on them. Pure: the
// caller fingerprints the sides and reads the headers; this only decides. A sheet called a rescan is
// kept out of the copies, so a false call pulls a real sheet out of a copy: every doubt counts against it.
import { SAME_ABOVE, compareSides, type SideComparison } from '../identify/fingerprint/compare-sides';
import type { SideFingerprint } from '../identify/fingerprint/side-fingerprint';

export interface ComparedSheet {
  /** The fingerprints of the sheet's sides, in stack order: two, or one when the other side is missing. */
  sides: readonly SideFingerprint[];
  /** The roster student the sheet was read as (the best candidate's key), when there is one. */
  student?: string | null;
  /**
   * The page numbers read in its page boxes, indexed [P1, P2, P3, P4]: null where none was read or the
   * page was not scanned.
   */
  pageNumbers?: readonly (number | null)[];
}

export interface RescanMatch {
  /** Index of the rescan in the stack. */
  sheet: number;
  /** Index of the earlier sheet it repeats: the first scan, never itself a rescan. */
  of: number;
  /** 0..1: how far the weaker of the matching sides clears the threshold, towards a typical rescan. */
  confidence: number;
}

/**
 * A rescanned side typically scores this much (generated batches: 0.57–0.77); confidence grows from 0 at
 * the threshold to 1 here.
 */
const TYPICAL_RESCAN = 0.65;

/**
 * The sheets that repeat an earlier one, in stack order. A sheet repeats an earlier one when:
 * - it has no more sides than that sheet (a rescan that holds a side the first scan lacks carries a page
 *   found nowhere else: it must stay);
 * - its sides pair up with that sheet's (in either order: a rescan may go in verso first) so that every
 *   pair is the same paper, except pairs where both are too bare to tell, and at least one pair is the
 *   same paper; when both pairs are, the paper lay the same way up both times;
 * - nothing read on the two contradicts: not two different students, not two different page numbers for
 *   the same page.
 * Of several earlier sheets it repeats, the most similar.
 */
export function matchRescans(sheets: readonly ComparedSheet[]): RescanMatch[] {
  const found: RescanMatch[] = [];
  const repeats = new Set<number>();
  sheets.forEach((sheet, index) => {
    let best: RescanMatch | null = null;
    for (let earlier = 0; earlier < index; earlier++) {
      if (repeats.has(earlier)) continue;
      const confidence = repeatConfidence(sheet, sheets[earlier] as ComparedSheet);
      if (confidence !== null && (!best || confidence > best.confidence)) {
        best = { sheet: index, of: earlier, confidence };
      }
    }
    if (best) {
      found.push(best);
      repeats.add(index);
    }
  });
  return found;
}

/** The confidence that `later` is a rescan of `first`, or null when it is not (or not surely). */
function repeatConfidence(later: ComparedSheet, first: ComparedSheet): number | null {
  if (later.sides.length === 0 || later.sides.length > first.sides.length) return null;
  if (contradicts(later, first)) return null;
  let best: number | null = null;
  for (const pairing of pairings(later.sides.length, first.sides.length)) {
    const comparisons: SideComparison[] = [];
    for (const [l, f] of pairing) {
      comparisons.push(compareSides(first.sides[f] as SideFingerprint, later.sides[l] as SideFingerprint));
      // One pair of other paper rules the pairing out: the other pair need not be searched.
      if (comparisons.at(-1)!.verdict === 'different') break;
    }
    const confidence = pairingConfidence(comparisons);
    if (confidence !== null && (best === null || confidence > best)) best = confidence;
  }
  return best;
}

function pairingConfidence(comparisons: readonly SideComparison[]): number | null {
  if (comparisons.some((c) => c.verdict === 'different')) return null;
  const same = comparisons.filter((c) => c.verdict === 'same');
  if (same.length === 0) return null;
  if (new Set(same.map((c) => c.turned)).size > 1) return null;
  const weakest = Math.min(...same.map((c) => c.similarity));
  // Only one side to go by (the other bare on both scans): the same evidence counts for less.
  const share = same.length === comparisons.length ? 1 : 0.5;
  return share * Math.min(1, (weakest - SAME_ABOVE) / (TYPICAL_RESCAN - SAME_ABOVE));
}

/** Ways to pair each side of the later sheet with a distinct side of the first: [later, first] indices. */
function pairings(later: number, first: number): [number, number][][] {
  if (later === 1) return Array.from({ length: first }, (_, f) => [[0, f]]);
  return [
    [
      [0, 0],
      [1, 1],
    ],
    [
      [0, 1],
      [1, 0],
    ],
  ];
}

function contradicts(a: ComparedSheet, b: ComparedSheet): boolean {
  if (a.student && b.student && a.student !== b.student) return true;
  const [pa, pb] = [a.pageNumbers ?? [], b.pageNumbers ?? []];
  return pa.some(
    (n, i) => n !== null && n !== undefined && pb[i] !== null && pb[i] !== undefined && pb[i] !== n,
  );
}
