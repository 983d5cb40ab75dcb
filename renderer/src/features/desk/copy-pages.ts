import type { Manifest, ManifestPage, PageRef } from '../../../../core/api/contract';

/** What names a thumbnail of a page: its scan's content, page, half and turn. */
export function thumbnailOf(
  manifest: Manifest,
  page: Pick<ManifestPage, 'file' | 'source' | 'half'>,
  rotate = 0,
) {
  return {
    sha256: manifest.sources[page.file - 1]?.sha256 ?? '',
    page: page.source,
    half: page.half,
    rotate: rotate as ManifestPage['rotate'],
  };
}

export const pageRef = (page: ManifestPage): PageRef => ({
  file: page.file,
  source: page.source,
  half: page.half,
});

export interface Selection {
  copyId: string;
  index: number;
}
