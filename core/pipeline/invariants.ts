// Checked on every run from the copies as planned for output, never assumed from how they were made:
// a page in two copies (or in none) would mix students or lose work, so it stops the run.
import { KorrigoError } from '../errors';
import type { Half, ManifestCopy, ManifestInvariants, ManifestPage, ManifestSource } from '../manifest';
import { notMultipleOfFour } from './copies';
import { indexStack, pageKey } from './stack';
import type { StackPage } from './stack';

const halfKey = (file: number, source: number, half: Half) => `${pageKey(file, source)}:${half}`;

export function checkInvariants(
  sources: readonly ManifestSource[],
  stack: readonly StackPage[],
  copies: readonly ManifestCopy[],
): ManifestInvariants {
  const label = (page: { file: number; source: number; half?: Half }) =>
    `${sources[page.file - 1]?.file ?? `file ${page.file}`} page ${page.source}${page.half ? ` (${page.half})` : ''}`;
  const placement = indexStack(stack);
  const pageOnce = pageOnceViolations(sources, placement, copies, label);
  const order = copies.flatMap((copy) => orderViolation(copy, placement, label) ?? []);
  const multiple = copies
    .filter((copy) => copy.pages.length % 4 !== 0)
    .filter(
      (copy) =>
        copy.status !== 'needs_review' || !copy.reasons.includes(notMultipleOfFour(copy.pages.length)),
    )
    .map((copy) => `copy ${copy.id} has ${copy.pages.length} pages and is not flagged for review`);
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
  label: Label,
): string[] {
  const uses = new Map<string, number>();
  for (const copy of copies) {
    for (const page of copy.pages) {
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

/** Reads a copy as consecutive units (sheet, incomplete sheet, loose page), in stack order. */
function orderViolation(copy: ManifestCopy, placement: Placement, label: Label): string | undefined {
  const positionOf = (page: ManifestPage) => placement.get(pageKey(page.file, page.source))?.position;
  let previousStart = -1;
  let i = 0;
  while (i < copy.pages.length) {
    const page = copy.pages[i]!;
    const position = positionOf(page);
    const where = `copy ${copy.id}: page ${i + 1} (${label(page)})`;
    if (position === undefined) return `${where} is not in the stack`;
    if (position <= previousStart) return `${where} is out of stack order`;
    const length = unitLength(copy.pages, i, position, positionOf);
    if (length === undefined) return `${where} does not start a sheet read as P1, P2, P3, P4`;
    previousStart = position;
    i += length;
  }
  return undefined;
}

/** Pages of the unit starting at `start` (stack position `position`), or undefined if it is no unit. */
function unitLength(
  pages: readonly ManifestPage[],
  start: number,
  position: number,
  positionOf: (page: ManifestPage) => number | undefined,
): number | undefined {
  const followedBy = (expected: [number, Half][]) =>
    expected.every(([expectedPosition, half], k) => {
      const page = pages[start + 1 + k];
      return page?.half === half && positionOf(page) === expectedPosition;
    });
  const first = pages[start]!;
  if (first.half === 'full') return 1;
  // Upright, a recto's right half is P1: the verso (the next side) gives P2 and P3, the recto's left half
  // P4. A sheet fed upside down shows [P1 | P4] and [P3 | P2], turned 180°: its P1 is a left half. Only
  // P1's turn tells which reading applies (an upright sheet read backwards has the same halves); the other
  // pages may carry any turn an operator gave them.
  const [p1, p2]: [Half, Half] = first.rotate === 180 ? ['left', 'right'] : ['right', 'left'];
  if (first.half !== p1) return undefined;
  const sheet: [number, Half][] = [
    [position + 1, p2],
    [position + 1, p1],
    [position, p2],
  ];
  if (followedBy(sheet)) return 4;
  if (followedBy([[position, p2]])) return 2;
  return undefined;
}
