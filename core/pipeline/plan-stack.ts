// From loaded scans to planned copies: classify every page as displayed, pair the A3 sides into sheets,
// identify the students (or leave every sheet its own copy for review). `process` and the store's jobs
// both plan through here, so the two give the same copies.
import type { SideReadingCache } from '../identify/types';
import type { Manifest, ManifestCopy } from '../manifest';
import type { LoadedSource } from '../pdf/load-source';
import type { RosterStudent } from '../roster/load-roster';
import { planCopies } from './copies';
import { identifyStudents } from './identify-stage';
import { groupSheets, type StackUnit } from './sheets';
import { classifyStack, type StackPage } from './stack';
import { stackWarnings } from './stack-warnings';

export interface StackPlan {
  stack: StackPage[];
  units: StackUnit<StackPage>[];
  copies: ManifestCopy[];
  absent: Manifest['absent'];
  warnings: string[];
}

export interface PlanStackOptions {
  /** See ProcessOptions.identify (default true). */
  identify?: boolean;
  /** Names to give the scan files in messages, when the loaded paths are not the operator's names. */
  fileNames?: readonly string[];
  onPage?: (done: number, total: number) => void;
  onSheet?: (done: number, total: number) => void;
  /** Where side readings are checkpointed, so a resumed job does not read a side twice. */
  sideReadings?: SideReadingCache;
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
  const units = groupSheets(stack);
  // Who handed nothing in is known only once copies are matched to students.
  const { copies, absent } =
    options.identify === false
      ? { copies: planCopies(units, sources), absent: [] }
      : await identifyStudents(units, sources, students, options.onSheet);
  return { stack, units, copies, absent, warnings: stackWarnings(units) };
}
