// What every change to a copy implies: its id follows its first page, it needs review again, and the
// reasons the pipeline derives from its state (no student, page count) are worked out anew.
import type { ManifestCandidate, ManifestCopy, ManifestPage, ManifestStudent } from '../manifest';
import { sheetPageCount } from '../pipeline/annexes';
import { NOT_IDENTIFIED, copyId, notMultipleOfFour } from '../pipeline/copies';

export interface CopyContent {
  pages: ManifestPage[];
  student: ManifestStudent | null;
  confidence: number;
  candidates: ManifestCandidate[];
  /** Reasons about the pages themselves (a missing verso, a loose page), carried over. */
  notes: string[];
  /** The pages as a teacher checked their order: the mark holds while `pages` are still these. */
  checkedPages?: readonly ManifestPage[];
}

/** The reasons of a copy that are not derived from its student and page count. */
function notesOf(copy: ManifestCopy): string[] {
  return copy.reasons.filter(
    (reason) => reason !== NOT_IDENTIFIED && reason !== notMultipleOfFour(sheetPageCount(copy)),
  );
}

export function contentOf(copy: ManifestCopy): CopyContent {
  return {
    pages: copy.pages,
    student: copy.student,
    confidence: copy.confidence,
    candidates: copy.candidates,
    notes: notesOf(copy),
    ...(copy.pageOrderChecked ? { checkedPages: copy.pages } : {}),
  };
}

/** Same pages, same order, same rotations: what a teacher's check of the page order looked at. */
const sameOrder = (a: readonly ManifestPage[], b: readonly ManifestPage[]) =>
  a.length === b.length &&
  a.every(
    (page, index) =>
      page.file === b[index]!.file &&
      page.source === b[index]!.source &&
      page.half === b[index]!.half &&
      page.rotate === b[index]!.rotate,
  );

export function revisedCopy(content: CopyContent, sources: readonly { sha256: string }[]): ManifestCopy {
  const first = content.pages[0]!;
  const id = copyId(sources[first.file - 1]!.sha256, first.source, first.half);
  const reasons = [
    ...(content.student ? [] : [NOT_IDENTIFIED]),
    ...content.notes,
    // As the pipeline counts: annexes are pages of their own, outside the rule.
    ...(sheetPageCount(content) % 4 === 0 ? [] : [notMultipleOfFour(sheetPageCount(content))]),
  ];
  return {
    id,
    status: 'needs_review',
    student: content.student,
    confidence: content.confidence,
    reasons,
    candidates: content.candidates,
    pages: content.pages,
    file: `copies/${id}.pdf`,
    ...(content.checkedPages && sameOrder(content.checkedPages, content.pages)
      ? { pageOrderChecked: true as const }
      : {}),
  };
}
