// Finding what a decision names among the copies: shared by every kind, refusing with the operator's terms.
import type { ManifestCopy } from '../manifest';
import { DecisionRefused } from './decision';
import type { PageRef } from './decision';

export const pageName = (page: PageRef) => `file ${page.file} page ${page.source} (${page.half})`;

export const samePage = (a: PageRef, b: PageRef) =>
  a.file === b.file && a.source === b.source && a.half === b.half;

export function indexOfCopy(copies: readonly ManifestCopy[], id: string): number {
  const index = copies.findIndex((copy) => copy.id === id);
  if (index < 0) throw new DecisionRefused(`there is no copy ${id}`, { copyNotFound: true });
  return index;
}

export function locatePage(copies: readonly ManifestCopy[], ref: PageRef): { copy: number; page: number } {
  for (const [copy, { pages }] of copies.entries()) {
    const page = pages.findIndex((candidate) => samePage(candidate, ref));
    if (page >= 0) return { copy, page };
  }
  throw new DecisionRefused(`no copy holds ${pageName(ref)}`);
}

export function replaced(
  copies: readonly ManifestCopy[],
  index: number,
  ...by: ManifestCopy[]
): ManifestCopy[] {
  return [...copies.slice(0, index), ...by, ...copies.slice(index + 1)];
}
