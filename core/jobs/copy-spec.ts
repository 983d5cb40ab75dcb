import type { ManifestCopy } from '../manifest';
import { sha256 } from '../sha256';

/**
 * What a copy's PDF is made of: the scans its pages come from and each page's half, rotation and order.
 * Two copies with the same spec have the same bytes, so an export can keep a file written before a crash.
 */
export function copySpecSha256(copy: ManifestCopy, sources: readonly { sha256: string }[]): string {
  const pages = copy.pages.map((page) => [
    sources[page.file - 1]!.sha256,
    page.source,
    page.half,
    page.rotate,
  ]);
  return sha256(JSON.stringify(pages));
}
