// Checked on every run from the copies as planned for output, never assumed from how they were made:
// a page in two copies (or in none) would mix students or lose work, so it stops the run.
import { KorrigoError } from '../errors';
import type {
  Half,
  ManifestCopy,
  ManifestInvariants,
  ManifestPage,
  ManifestRescan,
  ManifestSource,
} from '../manifest';
import { sheetPageCount } from './annexes';
import { halfKey, notMultipleOfFour } from './copies';
import { indexStack, pageKey } from './stack';
import type { StackPage } from './stack';

export function checkInvariants(
  sources: readonly ManifestSource[],
  stack: readonly StackPage[],
  copies: readonly ManifestCopy[],
  rescans: readonly ManifestRescan[] = [],
): ManifestInvariants {
  const label = (page: { file: number; source: number; half?: Half }) =>
    `${sources[page.file - 1]?.file ?? `file ${page.file}`} page ${page.source}${page.half ? ` (${page.half})` : ''}`;
  const placement = indexStack(stack);
  const pageOnce = pageOnceViolations(sources, placement, copies, rescans, label);
  const order = copies.flatMap((copy) => orderViolation(copy, placement, label) ?? []);
  // Annexes are single pages added to a copy: the rule is about its folded sheets.
  const multiple = copies
    .filter((copy) => sheetPageCount(copy) % 4 !== 0)
    .filter(
      (copy) =>
        copy.status !== 'needs_review' || !copy.reasons.includes(notMultipleOfFour(sheetPageCount(copy))),
    )
    .map((copy) => `copy ${copy.id} has ${sheetPageCount(copy)} sheet pages and is not flagged for review`);
  return {
    everyPageOnce: pageOnce.length === 0,
    pagesInOrder: order.length === 0,
    multipleOfFour: multiple.length === 0,
    violations: [...pageOnce, ...order, ...multiple],
  };
}

/** A page missing, duplicated or out of order means wrong copies: nothing may be written. */
export function assertInvariants(invariants: ManifestInvariants): void {
  if (invariants.everyPageOnce && invariants.pagesInOrder) return;
  const shown = invariants.violations.slice(0, 3).join('; ');
  const more = invariants.violations.length > 3 ? ` (and ${invariants.violations.length - 3} more)` : '';
  throw new KorrigoError('internal', `page bookkeeping failed, no copy was written: ${shown}${more}`);
}

type Label = (page: { file: number; source: number; half?: Half }) => string;
type Placement = ReadonlyMap<string, StackPage>;

function pageOnceViolations(
  sources: readonly ManifestSource[],
  placement: Placement,
  copies: readonly ManifestCopy[],
  rescans: readonly ManifestRescan[],
  label: Label,
): string[] {
  // A half of a rescan is accounted for as much as a half in a copy: never both, never neither.
  const uses = new Map<string, number>();
  for (const holder of [...copies, ...rescans]) {
    for (const page of holder.pages) {
      const key = halfKey(page.file, page.source, page.half);
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  }
  const violations: string[] = [];
  sources.forEach((source, fileIndex) => {
    for (let number = 1; number <= source.pages; number++) {
      const page = placement.get(pageKey(fileIndex + 1, number));
      if (!page) {
        violations.push(`${label({ file: fileIndex + 1, source: number })} was never classified`);
        continue;
      }
      const halves: Half[] = page.layout === 'a3' ? ['left', 'right'] : ['full'];
      for (const half of halves) {
        const key = halfKey(page.file, page.source, half);
        const count = uses.get(key) ?? 0;
        if (count !== 1) violations.push(`${label({ ...page, half })} is in ${count} copies`);
        uses.delete(key);
      }
    }
  });
  for (const key of uses.keys()) violations.push(`a copy holds ${key}, which is no half of any scanned page`);
  return violations;
}

/**
 * Reads a copy as consecutive units (a sheet, one side of a sheet, a loose page), each starting after the
 * previous one in the stack: a unit starts at its first side, the verso of a sheet fed verso first.
 * Annexes close the copy, wherever they were scanned (before it, after it, in their own file).
 */
function orderViolation(copy: ManifestCopy, placement: Placement, label: Label): string | undefined {
  const positionOf = (page: ManifestPage) => placement.get(pageKey(page.file, page.source))?.position;
  const firstAnnex = copy.pages.findIndex((page) => page.kind === 'annex');
  const sheetPages = firstAnnex === -1 ? copy.pages : copy.pages.slice(0, firstAnnex);
  const misplaced = copy.pages.findIndex(
    (page, i) => i > firstAnnex && firstAnnex !== -1 && page.kind !== 'annex',
  );
  if (misplaced !== -1)
    return `copy ${copy.id}: page ${misplaced + 1} (${label(copy.pages[misplaced]!)}) follows an annex`;
  let previousStart = -1;
  let i = 0;
  while (i < sheetPages.length) {
    const page = sheetPages[i]!;
    const where = `copy ${copy.id}: page ${i + 1} (${label(page)})`;
    if (positionOf(page) === undefined) return `${where} is not in the stack`;
    const unit = unitAt(sheetPages, i, positionOf);
    if (!unit) return `${where} does not start a sheet read as P1, P2, P3, P4`;
    if (unit.start <= previousStart) return `${where} is out of stack order`;
    previousStart = unit.start;
    i += unit.length;
  }
  return undefined;
}

/** The unit whose reading starts at `pages[start]`: how many pages it has and its first stack position. */
function unitAt(
  pages: readonly ManifestPage[],
  start: number,
  positionOf: (page: ManifestPage) => number | undefined,
): { length: number; start: number } | undefined {
  const first = pages[start]!;
  const position = positionOf(first)!;
  if (first.half === 'full') return { length: 1, start: position };
  const followedBy = (expected: [number, Half][]) =>
    expected.every(([expectedPosition, half], k) => {
      const page = pages[start + 1 + k];
      return page?.half === half && positionOf(page) === expectedPosition;
    });
  // Upright, a recto's right half is P1: its verso (the side right after it, or right before it when the
  // sheet was fed verso first) gives P2 and P3, the recto's left half P4. A sheet fed upside down shows
  // [P1 | P4] and [P3 | P2], turned 180°: its P1 is a left half. Only P1's turn tells which reading
  // applies (an upright sheet read backwards has the same halves); the other pages may carry any turn an
  // operator gave them.
  const [p1, p2]: [Half, Half] = first.rotate === 180 ? ['left', 'right'] : ['right', 'left'];
  if (first.half === p1) {
    for (const verso of [position + 1, position - 1]) {
      const sheet: [number, Half][] = [
        [verso, p2],
        [verso, p1],
        [position, p2],
      ];
      if (followedBy(sheet)) return { length: 4, start: Math.min(position, verso) };
    }
    // A recto whose verso is missing: P1 and P4.
    return followedBy([[position, p2]]) ? { length: 2, start: position } : undefined;
  }
  // A verso whose recto is missing, read P2 then P3. The manifest does not say which side of the paper a
  // lone side is, so a recto lacking its verso read P4 then P1 passes too: pairing decides that, not this.
  return followedBy([[position, p1]]) ? { length: 2, start: position } : undefined;
}
