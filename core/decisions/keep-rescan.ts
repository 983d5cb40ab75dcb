// The operator keeps a rescan instead of the first scan of a sheet (the first one is blurred, cut, or the
// wrong sheet was taken for the rescan). A rescan's pages are listed in the reading order of the pages they repeat
// (core/manifest.ts), so the k-th page kept takes the k-th repeated page's place, with the rotation and
// blank flag read or decided for it; the repeated pages become the rescan in their place.
import type { ManifestPage, ManifestRescan } from '../manifest';
import { locatePage, pageName, replaced, samePage } from './copy-lookup';
import { contentOf, revisedCopy } from './copy-revision';
import { DecisionRefused } from './decision';
import type { DecidedCopies, Decision, PageRef } from './decision';

type KeepRescan = Extract<Decision, { kind: 'keep-rescan' }>;

export function keepRescan(
  state: DecidedCopies,
  decision: KeepRescan,
  sources: readonly { sha256: string }[],
): DecidedCopies {
  const entryIndex = state.rescans.findIndex((entry) =>
    entry.pages.some((page) => samePage(page, decision.setAside)),
  );
  if (entryIndex < 0) throw new DecisionRefused(`${pageName(decision.setAside)} is not a page of a rescan`);
  const entry = state.rescans[entryIndex]!;
  const at = locatePage(state.copies, decision.replaces);
  const copy = state.copies[at.copy]!;
  if (copy.id !== entry.of) {
    throw new DecisionRefused(
      `the rescan holding ${pageName(decision.setAside)} repeats a sheet of copy ${entry.of}, not of copy ${copy.id}`,
    );
  }
  const repeated = copy.pages.slice(at.page, at.page + entry.pages.length);
  if (!repeats(entry.pages, repeated)) {
    throw new DecisionRefused(
      `copy ${copy.id} from page ${at.page + 1} on is not a sheet read as the rescan is (${entry.pages.map((page) => page.half).join(', ')})`,
    );
  }
  const kept = entry.pages.map((page, k): ManifestPage => ({ ...repeated[k]!, ...pick(page) }));
  const pages = [...copy.pages.slice(0, at.page), ...kept, ...copy.pages.slice(at.page + kept.length)];
  const revised = revisedCopy({ ...contentOf(copy), pages }, sources);
  const swapped: ManifestRescan = { pages: repeated.map(pick), reason: entry.reason, of: revised.id };
  return {
    copies: replaced(state.copies, at.copy, revised),
    // Other rescans of the same copy follow its new id (it changes when the swap starts the copy).
    rescans: state.rescans.map((other, index) =>
      index === entryIndex ? swapped : other.of === copy.id ? { ...other, of: revised.id } : other,
    ),
  };
}

const pick = ({ file, source, half }: PageRef): PageRef => ({ file, source, half });

/**
 * Whether `pages` of a copy can be what the rescan repeats: as many sheet pages (never an annex), the same
 * halves in the same order, and laid on the scanned sides the same way (pages k and j on one side in the
 * rescan exactly when they are in the copy). A run straddling two sheets, or shifted by a page, is not.
 */
function repeats(rescan: readonly PageRef[], pages: readonly ManifestPage[]): boolean {
  if (pages.length !== rescan.length || pages.some((page) => page.kind === 'annex')) return false;
  const sameSide = (a: PageRef, b: PageRef) => a.file === b.file && a.source === b.source;
  return rescan.every(
    (page, k) =>
      page.half === pages[k]!.half &&
      rescan.every((other, j) => sameSide(page, other) === sameSide(pages[k]!, pages[j]!)),
  );
}
