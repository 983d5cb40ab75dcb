// Moving chosen pages: one `move-pages` decision (one entry of the log, one undo) that lands them side by
// side, in the order given. A place is named by a page, never by an index: "before this page", or "at the
// end of the copy holding this page".
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

/** The move of `pages` to `place` in `manifest`, or null when they are already there (or it names none). */
export function moveDecision(manifest: Manifest, pages: readonly PageRef[], place: Place): Decision | null {
  const anchor = locate(manifest, 'before' in place ? place.before : place.endOf);
  if (!anchor || pages.length === 0 || pages.some((page) => !locate(manifest, page))) return null;
  const keys = new Set(pages.map(pageKey));
  const kept: PageRef[][] = manifest.copies.map((copy) =>
    copy.pages.filter((one) => !keys.has(pageKey(one))),
  );
  // The store counts the position once the pages are taken out of their copies.
  const rest = kept[anchor.copy]!;
  const toIndex = 'before' in place ? rest.findIndex((one) => same(one, place.before)) : rest.length;
  if (toIndex < 0) return null;
  rest.splice(toIndex, 0, ...pages);
  const unchanged = manifest.copies.every(
    (copy, c) =>
      kept[c]!.length === copy.pages.length && kept[c]!.every((one, p) => same(one, copy.pages[p]!)),
  );
  if (unchanged) return null;
  const refs = pages.map(({ file, source, half }) => ({ file, source, half }));
  return { kind: 'move-pages', pages: refs, toCopyId: manifest.copies[anchor.copy]!.id, toIndex };
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
