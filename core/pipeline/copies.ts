// Until students are identified, every sheet (and every loose A4 page) is a copy of its own, for review.
import type { Half, ManifestCopy } from '../manifest';
import { readingOrder } from './sheets';
import type { StackUnit } from './sheets';
import { pageLabel } from './stack';
import type { StackPage } from './stack';

export const NOT_IDENTIFIED = 'student not identified';

export const notMultipleOfFour = (pages: number): string =>
  `${pages} page${pages === 1 ? '' : 's'}, not a multiple of 4`;

/**
 * Stable across runs on the same scans, whatever their order or file names: the scan file's hash and the
 * copy's first page. Readable enough to find the source page from a copy's file name.
 */
export function copyId(sourceSha256: string, page: number, half: Half): string {
  return `${sourceSha256.slice(0, 12)}-p${String(page).padStart(4, '0')}-${half}`;
}

/** File names copyId gives: what an earlier run may have left in the copies folder. */
export const COPY_FILE = /^[0-9a-f]{12}-p\d{4,}-(left|right|full)\.pdf$/;

export function planCopies(
  units: readonly StackUnit<StackPage>[],
  sources: readonly { sha256: string }[],
): ManifestCopy[] {
  return units.map((unit) => {
    const halves = readingOrder(unit);
    const first = halves[0]!;
    const sha256 = sources[first.page.file - 1]!.sha256;
    const id = copyId(sha256, first.page.source, first.half);
    return {
      id,
      status: 'needs_review',
      student: null,
      confidence: 0,
      reasons: copyReasons(unit, halves.length),
      candidates: [],
      pages: halves.map(({ page, half, rotate }) => ({
        file: page.file,
        source: page.source,
        half,
        rotate,
        blank: false,
      })),
      file: `copies/${id}.pdf`,
    };
  });
}

function copyReasons(unit: StackUnit<StackPage>, pageCount: number): string[] {
  const reasons = [NOT_IDENTIFIED];
  if (unit.kind === 'incomplete-sheet') {
    reasons.push(
      `sheet without its verso: ${pageLabel(unit.recto)} is followed by no A3 side (only P1 and P4)`,
    );
  }
  if (unit.kind === 'loose-page') {
    reasons.push(`loose page, not part of a folded A3 sheet: ${pageLabel(unit.page)}`);
    if (unit.page.unusual) reasons.push(`${pageLabel(unit.page)} is ${unit.page.unusual}`);
  }
  if (pageCount % 4 !== 0) reasons.push(notMultipleOfFour(pageCount));
  return reasons;
}
