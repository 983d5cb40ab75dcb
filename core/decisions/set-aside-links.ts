// A set-aside entry names the copy holding the sheet it repeats, by id; decisions rename copies (an id
// follows a copy's first page) and split or merge them. The link follows the copy that now holds most of
// the pages the named copy had (the first of them on a tie, as the head of a split), so it always names a
// copy there is: the database refuses anything else.
import type { ManifestCopy, ManifestSetAside } from '../manifest';
import { pageName, samePage } from './copy-lookup';
import { DecisionRefused } from './decision';
import type { PageRef } from './decision';

export function followCopies(
  setAside: readonly ManifestSetAside[],
  before: readonly ManifestCopy[],
  after: readonly ManifestCopy[],
): ManifestSetAside[] {
  return setAside.map((entry) => {
    const old = before.find((copy) => copy.id === entry.of);
    if (!old) throw new Error(`set-aside entry of ${entry.of}: no such copy before the decision`);
    const held = after.map(
      (copy) => copy.pages.filter((page) => old.pages.some((oldPage) => samePage(oldPage, page))).length,
    );
    const most = Math.max(...held);
    if (most === 0) throw new Error(`set-aside entry of ${entry.of}: the copy's pages are in no copy`);
    return { ...entry, of: after[held.indexOf(most)]!.id };
  });
}

/** A page set aside is in no copy: a decision about it would be about the first scan's page, or nothing. */
export function refuseSetAsidePage(setAside: readonly ManifestSetAside[], page: PageRef): void {
  if (setAside.some((entry) => entry.pages.some((other) => samePage(other, page)))) {
    throw new DecisionRefused(`${pageName(page)} is set aside as a rescan: keep the rescan first`);
  }
}
