// From loaded scans to planned copies: classify every page as displayed, read every A3 side, pair the sides
// into sheets from what each is and identify the students; without identification, pair the sides by
// position and leave every sheet its own copy for review. `process` and the store's jobs both plan through
// here, so the two give the same copies.
import type { SideReadingCache } from '../identify/types';
import type { Manifest, ManifestCopy, ManifestRescan } from '../manifest';
import type { LoadedSource } from '../pdf/load-source';
import type { RosterStudent } from '../roster/load-roster';
import { planCopies } from './copies';
import { identifyStudents } from './identify-stage';
import { groupSheets, type StackUnit } from './sheets';
import { classifyStack, type StackPage } from './stack';
import { sheetWarnings } from './sheet-warnings';

export interface StackPlan {
  stack: StackPage[];
  units: StackUnit<StackPage>[];
  copies: ManifestCopy[];
  /** Rescanned sheets kept out of every copy. */
  rescans: ManifestRescan[];
  absent: Manifest['absent'];
  warnings: string[];
}

export interface PlanStackOptions {
  /** See ProcessOptions.identify (default true). */
  identify?: boolean;
  /** Names to give the scan files in messages, when the loaded paths are not the operator's names. */
  fileNames?: readonly string[];
  onPage?: (done: number, total: number) => void;
  /** Progress of identification, over the A3 sides read. */
  onSheet?: (done: number, total: number) => void;
  /** Where side readings are checkpointed, so a resumed job does not read a side twice. */
  sideReadings?: SideReadingCache;
  /** How long one side may take to read before it counts as unreadable (see readSides). */
  sideTimeLimitMs?: number;
  /** The reader makes the default thumbnails of the sides it reads (see ReadSidesOptions.thumbnails). */
  thumbnails?: { dataDir: string };
}

export async function planStack(
  sources: readonly LoadedSource[],
  students: readonly RosterStudent[],
  options: PlanStackOptions = {},
): Promise<StackPlan> {
  const stack = classifyStack(sources, options.onPage).map((page) => ({
    ...page,
    fileName: options.fileNames?.[page.file - 1] ?? page.fileName,
  }));
  // Who handed nothing in is known only once copies are matched to students.
  const { units, copies, rescans, absent } =
    options.identify === false
      ? positionalPlan(stack, sources)
      : await identifyStudents(stack, sources, students, {
          onSide: options.onSheet,
          sideReadings: options.sideReadings,
          sideTimeLimitMs: options.sideTimeLimitMs,
          thumbnails: options.thumbnails,
        });
  return { stack, units, copies, rescans, absent, warnings: sheetWarnings(units) };
}

function positionalPlan(stack: readonly StackPage[], sources: readonly LoadedSource[]) {
  const units = groupSheets(stack);
  return { units, copies: planCopies(units, sources), rescans: [], absent: [] };
}
