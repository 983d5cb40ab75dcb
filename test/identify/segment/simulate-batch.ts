// A whole exam stack as the readers would report it: each present student hands in 1–3 sheets, fills
// the header on the first (and on a later one now and then), numbers the pages "n / N", and sometimes
// leaves a blank last page's box empty. Ground truth says whose each sheet is.
import type { SheetReading } from '../../../core/identify/types';
import { Random } from '../../generator/random';
import type { ClassMember } from '../match/class-roster';
import { readEmptyHeader, readHeader, readPageBox, type ReaderModel } from '../match/simulate';
import { writeHeader } from '../match/write-header';

export interface BatchPlan {
  /** Who hands in, in stack order, and how many sheets each (one entry per separate copy). */
  copies: { member: ClassMember; sheets: number }[];
  /** Chance that a later sheet has the header filled again. */
  headerOnLaterSheet?: number;
}

export interface SimulatedBatch {
  readings: SheetReading[];
  /** Per sheet: which planned copy (index into plan.copies) it belongs to. */
  copyOfSheet: number[];
}

export function simulateBatch(
  plan: BatchPlan,
  reader: ReaderModel,
  pageReader: ReaderModel,
  seed: number,
): SimulatedBatch {
  const rng = new Random(seed);
  const readings: SheetReading[] = [];
  const copyOfSheet: number[] = [];
  plan.copies.forEach(({ member, sheets }, c) => {
    const written = writeHeader(member, rng);
    for (let j = 0; j < sheets; j++) {
      const filled = j === 0 || rng.chance(plan.headerOnLaterSheet ?? 0.25);
      const last = j === sheets - 1;
      const pageBoxes = [1, 2, 3, 4].map((p) => {
        const leftEmpty = p === 4 && last && rng.chance(0.3);
        return readPageBox(leftEmpty ? null : [4 * j + p, 4 * sheets], pageReader, rng);
      });
      readings.push({
        header: filled ? readHeader(written, reader, rng) : readEmptyHeader(reader, rng),
        pageBoxes,
        notes: [],
        upsideDown: false,
      });
      copyOfSheet.push(c);
    }
  });
  return { readings, copyOfSheet };
}

/** Every present member once, in a shuffled order, with 1–3 sheets. */
export function classPlan(members: readonly ClassMember[], present: number, seed: number): BatchPlan {
  const rng = new Random(seed);
  return {
    copies: rng
      .shuffle(members)
      .slice(0, present)
      .map((member) => ({ member, sheets: rng.int(1, 3) })),
  };
}
