// A rescan names the copy holding the sheet it repeats, by id; decisions rename copies (an id
// follows a copy's first page) and split or merge them. The link follows the copy that now holds most of
// the pages the named copy had (the first of them on a tie, as the head of a split), so it always names a
// copy there is: the database refuses anything else.
import type { ManifestCopy, ManifestRescan } from '../manifest';
import { pageName, samePage } from './copy-lookup';
import { DecisionRefused } from './decision';
import type { PageRef } from './decision';

export function followCopies(
  rescans: readonly ManifestRescan[],
  before: readonly ManifestCopy[],
  after: readonly ManifestCopy[],
): ManifestRescan[] {
  return rescans.map((entry) => {
    const old = before.find((copy) => copy.id === entry.of);
    if (!old) throw new Error(`rescan of ${entry.of}: no such copy before the decision`);
    const held = after.map(
      (copy) => copy.pages.filter((page) => old.pages.some((oldPage) => samePage(oldPage, page))).length,
    );
    const most = Math.max(...held);
    if (most === 0) throw new Error(`rescan of ${entry.of}: the copy's pages are in no copy`);
    return { ...entry, of: after[held.indexOf(most)]!.id };
  });
}

/** A page of a rescan is in no copy: a decision about it would be about the first scan's page, or nothing. */
export function refuseRescanPage(rescans: readonly ManifestRescan[], page: PageRef): void {
  if (rescans.some((entry) => entry.pages.some((other) => samePage(other, page)))) {
    throw new DecisionRefused(`${pageName(page)} is a page of a rescan, in no copy: keep the rescan first`);
  }
}
