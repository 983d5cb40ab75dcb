// Moving several chosen pages, as the store's one-page moves: each step is worked out from the copies as
// the previous step left them (copy ids follow their first page, so they change under a move). A place is
// named by a page, never by an index: "before this page", or "at the end of the copy holding this page".
import type { Decision, Manifest, PageRef } from '../../../../core/api/contract';

export type Place = { before: PageRef } | { endOf: PageRef };

export const pageKey = (page: PageRef) => `${page.file}:${page.source}:${page.half}`;

const same = (a: PageRef, b: PageRef) => pageKey(a) === pageKey(b);

function locate(manifest: Manifest, page: PageRef): { copy: number; index: number } | null {
  for (const [copy, { pages }] of manifest.copies.entries()) {
    const index = pages.findIndex((one) => same(one, page));
    if (index >= 0) return { copy, index };
  }
  return null;
}

/** The move of `page` to `place` in `manifest`, or null when the page is already there. */
export function moveStep(manifest: Manifest, page: PageRef, place: Place): Decision | null {
  const from = locate(manifest, page);
  const anchor = locate(manifest, 'before' in place ? place.before : place.endOf);
  if (!from || !anchor) return null;
  const target = manifest.copies[anchor.copy]!;
  // The store counts the position once the page is taken out of its copy.
  const without = target.pages.filter((one) => !same(one, page));
  const toIndex = 'before' in place ? without.findIndex((one) => same(one, place.before)) : without.length;
  if (toIndex < 0) return null;
  if (from.copy === anchor.copy && from.index === toIndex) return null;
  const ref = { file: page.file, source: page.source, half: page.half };
  return { kind: 'move-page', page: ref, toCopyId: target.id, toIndex };
}

/** The chosen pages in the batch's order: a move keeps their order. */
export function inBatchOrder(manifest: Manifest, chosen: ReadonlySet<string>): PageRef[] {
  return manifest.copies.flatMap((copy) => copy.pages.filter((page) => chosen.has(pageKey(page))));
}

/**
 * Where Ctrl+arrows send the chosen pages: ← / → one place earlier or later within their copy (the first
 * chosen page's copy), ↑ / ↓ to the end of the previous or next copy. Null when there is nowhere to go.
 */
export function arrowPlace(
  manifest: Manifest,
  chosen: readonly PageRef[],
  key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown',
): Place | null {
  const first = chosen[0];
  const at = first && locate(manifest, first);
  if (!at) return null;
  const keys = new Set(chosen.map(pageKey));
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const other = manifest.copies[at.copy + (key === 'ArrowUp' ? -1 : 1)];
    return other ? { endOf: other.pages[0]! } : null;
  }
  const pages = manifest.copies[at.copy]!.pages;
  const rest = pages.filter((page) => !keys.has(pageKey(page)));
  // Where the chosen block sits among the pages left: before the page that followed its first page.
  const after = pages.slice(at.index).find((page) => !keys.has(pageKey(page)));
  const slot = after ? rest.indexOf(after) : rest.length;
  const next = slot + (key === 'ArrowLeft' ? -1 : 1);
  if (next < 0 || next > rest.length) return null;
  return next === rest.length ? { endOf: rest[0] ?? first } : { before: rest[next]! };
}
