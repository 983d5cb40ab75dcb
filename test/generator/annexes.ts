// A4 annexes ("document réponse") handed in with a copy: each carries its own CMEN-like header in its
// student's hand. Scanned right after the copy, slipped in anywhere in the pile, or scanned apart.
import { feedExtra, type FedSide } from './feed';
import { sheetBoundaries, type Feed } from './feed-faults';
import type { AnnexPageSpec } from './page-content';
import type { Random } from './random';
import { seedFrom, type PlannedCopy } from './stack';
import type { TruthAnnex } from './types';

export interface AnnexCounts {
  afterCopy: number;
  inStack: number;
  ownFile: number;
}

/**
 * One annex page each for as many present roster students (drawn at random), placed as `counts` says.
 * Returns their truth and the sides of the annexes scanned apart, for `annexes.pdf`.
 */
export function addAnnexes(
  rng: Random,
  feed: Feed,
  counts: AnnexCounts,
): { annexes: TruthAnnex[]; ownFile: FedSide[] } {
  const placements = [
    ...Array<TruthAnnex['placement']>(counts.afterCopy).fill('after-copy'),
    ...Array<TruthAnnex['placement']>(counts.inStack).fill('in-stack'),
    ...Array<TruthAnnex['placement']>(counts.ownFile).fill('own-file'),
  ];
  const students = rng.shuffle(feed.plan.copies).slice(0, placements.length);
  const annexes: TruthAnnex[] = [];
  const ownFile: FedSide[] = [];
  students.forEach((copy, i) => {
    const placement = placements[i] as TruthAnnex['placement'];
    const side = feedExtra({ kind: 'a4', full: annexPage(rng, feed, copy) }, rng);
    annexes.push({ page: side.paper.full?.id as number, student: copy.student.email, placement });
    if (placement === 'own-file') ownFile.push(side);
    else
      feed.sides.splice(
        placement === 'after-copy' ? endOfCopy(feed, copy) : rng.pick(sheetBoundaries(feed.sides)),
        0,
        side,
      );
  });
  return { annexes, ownFile };
}

function annexPage(rng: Random, feed: Feed, copy: PlannedCopy): AnnexPageSpec {
  const spec: AnnexPageSpec = {
    kind: 'annex',
    id: feed.plan.ids.next(rng),
    header: copy.header,
    writer: copy.writer,
    seed: seedFrom(rng),
  };
  feed.plan.pages.push({
    id: spec.id,
    student: copy.student.email,
    sheet: null,
    pageInSheet: null,
    pageBox: null,
    blank: false,
  });
  return spec;
}

/** Right after the last side scanned of the student's sheets. */
function endOfCopy(feed: Feed, copy: PlannedCopy): number {
  const sheets = new Set(copy.sheets);
  return feed.sides.findLastIndex((s) => s.paper.sheet !== undefined && sheets.has(s.paper.sheet)) + 1;
}
