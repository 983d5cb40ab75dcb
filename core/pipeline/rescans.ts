// Rescanned sheets (a jammed stack fed again, the same sheets in a second file) are found before the stack
// is cut into copies, so no copy ever holds a sheet twice; each is kept out of the copies, naming the copy that
// holds its first scan.
import { decideIdentity } from '../identify/match/decide-identity';
import { createHeaderMatcher } from '../identify/match/header-matcher';
import type { SideFingerprint } from '../identify/fingerprint/side-fingerprint';
import type { SheetReading, SideReading } from '../identify/types';
import type { ManifestCopy, ManifestRescan } from '../manifest';
import type { RosterStudent } from '../roster/load-roster';
import { halfKey } from './copies';
import { matchRescans, type RescanMatch, type ComparedSheet } from './rescan-match';
import { readingOrder, type SheetUnit } from './sheets';
import type { StackPage } from './stack';

/** The sheet's sides in stack order (a sheet fed verso first shows its verso first). */
function sidesOf(unit: SheetUnit<StackPage>): StackPage[] {
  return unit.kind === 'sheet'
    ? [unit.recto, unit.verso].sort((a, b) => a.position - b.position)
    : [unit.recto];
}

/**
 * Rescans among `units` (the stack's sheets in order, `readings` theirs). A sheet's student counts only when
 * its own header names them for sure: a continuation sheet has no student of its own, and a guess must not
 * make two scans of one sheet look like two students'.
 */
export function findRescans(
  units: readonly SheetUnit<StackPage>[],
  readings: readonly SheetReading[],
  sideOf: (page: StackPage) => SideReading,
  students: readonly RosterStudent[],
): RescanMatch[] {
  const matcher = createHeaderMatcher(students);
  const sheets: ComparedSheet[] = units.map((unit, i) => {
    const reading = readings[i]!;
    const prints = sidesOf(unit).map((side) => sideOf(side).fingerprint);
    const header = reading.header && !reading.header.empty ? reading.header : null;
    const decision = header ? decideIdentity(matcher.score(header), students) : null;
    return {
      // A side without a fingerprint (not readable in time) cannot be compared: the sheet is then never
      // called a rescan, nor the first scan of one.
      sides: prints.every((print) => print !== undefined) ? (prints as SideFingerprint[]) : [],
      student: decision?.status === 'ready' ? (decision.student?.email ?? null) : null,
      pageNumbers: reading.pageBoxes.map((box) => box?.best.number ?? null),
    };
  });
  return matchRescans(sheets);
}

/**
 * One entry per rescan: its pages in reading order (the same order as the pages they repeat),
 * and the copy holding the first scan.
 */
export function rescanEntries(
  rescans: readonly RescanMatch[],
  units: readonly SheetUnit<StackPage>[],
  readings: readonly SheetReading[],
  copies: readonly ManifestCopy[],
): ManifestRescan[] {
  const copyOfHalf = new Map<string, string>();
  for (const copy of copies) {
    for (const page of copy.pages) copyOfHalf.set(halfKey(page.file, page.source, page.half), copy.id);
  }
  return rescans.map(({ sheet, of }) => {
    const original = readingOrder(units[of]!, readings[of]?.upsideDown ?? false)[0]!;
    return {
      pages: readingOrder(units[sheet]!, readings[sheet]?.upsideDown ?? false).map(({ page, half }) => ({
        file: page.file,
        source: page.source,
        half,
      })),
      reason: 'duplicate',
      of: copyOfHalf.get(halfKey(original.page.file, original.page.source, original.half))!,
    };
  });
}
