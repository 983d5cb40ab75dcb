// Whole stacks through segmentation, matching and conflicts. A `ready` copy is right only when it holds
// exactly one student's sheets, all of them, and names that student; anything else `ready` is wrong.
import { identifyCopies } from '../../../core/identify/segment/identify-copies';
import type { ClassMember } from '../match/class-roster';
import type { ReaderModel } from '../match/simulate';
import { classPlan, simulateBatch } from './simulate-batch';

export interface BatchCount {
  /** Copies handed in (present students). */
  handedIn: number;
  right: number;
  wrong: number;
  /** Output copies that are exactly one handed-in copy, whatever their status. */
  exactCopies: number;
  copiesOut: number;
  sheets: number;
  /** Wall time of identifyCopies per sheet, ms. */
  msPerSheet: number;
}

export function sweepBatches(
  classes: readonly ClassMember[][],
  reader: ReaderModel,
  pageReader: ReaderModel,
  seed: number,
): BatchCount {
  const count: BatchCount = {
    handedIn: 0,
    right: 0,
    wrong: 0,
    exactCopies: 0,
    copiesOut: 0,
    sheets: 0,
    msPerSheet: 0,
  };
  let elapsed = 0;
  classes.forEach((members, c) => {
    const plan = classPlan(members, Math.round(members.length * 0.9), seed + c);
    const batch = simulateBatch(plan, reader, pageReader, seed + 1000 + c);
    const started = performance.now();
    const { copies } = identifyCopies(
      batch.readings,
      members.map((m) => m.student),
    );
    elapsed += performance.now() - started;
    count.handedIn += plan.copies.length;
    count.copiesOut += copies.length;
    count.sheets += batch.readings.length;
    for (const copy of copies) {
      const owners = new Set(copy.sheets.map((i) => batch.copyOfSheet[i]));
      const owner = [...owners][0] as number;
      const exact =
        owners.size === 1 && batch.copyOfSheet.filter((o) => o === owner).length === copy.sheets.length;
      if (exact) count.exactCopies++;
      if (copy.status !== 'ready') continue;
      if (exact && copy.student === plan.copies[owner]?.member.student) count.right++;
      else count.wrong++;
    }
  });
  count.msPerSheet = elapsed / Math.max(1, count.sheets);
  return count;
}
