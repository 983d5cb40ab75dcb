// Identification as a pipeline stage: read every A3 side on its own, pair the sides into sheets from what
// each side is, match the sheets against the roster (a closed world), and plan the copies from the result.
import { readSides } from '../identify/read-sides';
import { identifyCopies } from '../identify/segment/identify-copies';
import { sheetFromSides, sideReadingHalves } from '../identify/sheet-from-sides';
import { sideClue } from '../identify/side-clue';
import type { SheetReading, SideReading, SideReadingCache } from '../identify/types';
import type { Manifest, ManifestCopy, ManifestRescan } from '../manifest';
import type { LoadedSource } from '../pdf/load-source';
import type { RosterStudent } from '../roster/load-roster';
import { absentStudents } from './absent';
import { placeAnnexes, type AnnexPage } from './annexes';
import { halfKey, planIdentifiedCopies } from './copies';
import { pairSides } from './pair-sides';
import { findRescans, rescanEntries } from './rescans';
import type { SheetUnit, StackUnit } from './sheets';
import { pageLabel, type StackPage } from './stack';

export interface IdentifyStageOptions {
  /** Progress over the A3 sides read. */
  onSide?: (done: number, total: number) => void;
  sideReadings?: SideReadingCache;
  /** See readSides (default SIDE_TIME_LIMIT_MS): benchmarks on a loaded machine give more. */
  sideTimeLimitMs?: number;
  /** See ReadSidesOptions.thumbnails. */
  thumbnails?: { dataDir: string };
}

export interface IdentifiedStack {
  units: StackUnit<StackPage>[];
  copies: ManifestCopy[];
  rescans: ManifestRescan[];
  absent: Manifest['absent'];
}

function sheetReading(unit: SheetUnit<StackPage>, readingOf: (page: StackPage) => SideReading): SheetReading {
  if (unit.kind === 'sheet') return sheetFromSides(readingOf(unit.recto), readingOf(unit.verso));
  return unit.lacks === 'verso'
    ? sheetFromSides(readingOf(unit.recto), null)
    : sheetFromSides(null, readingOf(unit.recto));
}

/** Halves the reader found blank, by `halfKey`. */
function blankHalves(sides: readonly StackPage[], readings: readonly SideReading[]): Set<string> {
  const blank = new Set<string>();
  sides.forEach((side, i) => {
    const reading = readings[i]!;
    if (side.layout !== 'a3') return;
    sideReadingHalves(reading).forEach((half, k) => {
      if (reading.blank[k]) blank.add(halfKey(side.file, side.source, half));
    });
  });
  return blank;
}

export async function identifyStudents(
  stack: readonly StackPage[],
  sources: readonly LoadedSource[],
  students: readonly RosterStudent[],
  options: IdentifyStageOptions = {},
): Promise<IdentifiedStack> {
  // A4 pages of an odd size are not exam paper: they stay loose pages for review, unread.
  const sides = stack.filter((page) => page.layout === 'a3' || !page.unusual);
  const readings = await readSides(sides, sources, {
    cache: options.sideReadings,
    onSide: options.onSide,
    thumbnails: options.thumbnails,
    ...(options.sideTimeLimitMs === undefined ? {} : { timeLimitMs: options.sideTimeLimitMs }),
  });
  const byPosition = new Map(sides.map((side, i) => [side.position, readings[i]!]));
  const readingOf = (page: StackPage) => byPosition.get(page.position)!;
  const paired = pairSides(stack, (page) => sideClue(readingOf(page)), pageLabel);
  const pairedSheets = paired.filter((unit): unit is SheetUnit<StackPage> => unit.kind !== 'loose-page');
  const pairedReadings = pairedSheets.map((unit) => sheetReading(unit, readingOf));
  const matches = findRescans(pairedSheets, pairedReadings, readingOf, students);
  const rescanned = new Set(matches.map((rescan) => pairedSheets[rescan.sheet]));
  const units = paired.filter((unit) => unit.kind === 'loose-page' || !rescanned.has(unit));
  const sheetUnits = pairedSheets.filter((unit) => !rescanned.has(unit));
  const sheetReadings = pairedReadings.filter((_, i) => !rescanned.has(pairedSheets[i]!));
  const identified = identifyCopies(sheetReadings, students, {
    sheetLabel: (i) => `the sheet at ${pageLabel(sheetUnits[i]!.recto)}`,
  });
  const planned = planIdentifiedCopies(
    units,
    sources,
    sheetReadings,
    identified,
    blankHalves(sides, readings),
  );
  const { copies } = placeAnnexes(
    planned,
    annexPages(units, (page) => byPosition.get(page.position)),
    students,
  );
  const rescans = rescanEntries(matches, pairedSheets, pairedReadings, copies);
  return { units, copies, rescans, absent: absentStudents(students, copies) };
}

/** Loose A4 pages that carry their own header: annexes, each placed by its header. */
function annexPages(
  units: readonly StackUnit<StackPage>[],
  readingOf: (page: StackPage) => SideReading | undefined,
): AnnexPage[] {
  return units.flatMap((unit) => {
    if (unit.kind !== 'loose-page') return [];
    const reading = readingOf(unit.page);
    if (reading?.role !== 'recto' || !reading.header) return [];
    const { file, source } = unit.page;
    return [
      {
        file,
        source,
        header: reading.header,
        upsideDown: reading.upsideDown ?? false,
        label: pageLabel(unit.page),
      },
    ];
  });
}
