import { join } from 'node:path';
import { KorrigoError } from '../errors';
import type { ManifestCopy } from '../manifest';
import type { LoadedSource } from '../pdf/load-source';
import { buildCopyPdf } from '../pdf/split';
import type { CopyPageSource } from '../pdf/split';
import { writeFileAtomic } from './output-dir';
import { pageKey } from './stack';
import type { StackPage } from './stack';

/** Where each page of a copy comes from, as the manifest lists it. */
export function copyPageSources(
  copy: ManifestCopy,
  sources: readonly LoadedSource[],
  stack: ReadonlyMap<string, StackPage>,
): CopyPageSource[] {
  return copy.pages.map((page) => {
    const source = sources[page.file - 1];
    const placed = stack.get(pageKey(page.file, page.source));
    if (!source || !placed) {
      throw new KorrigoError(
        'internal',
        `copy ${copy.id} lists file ${page.file} page ${page.source}, not in the stack`,
      );
    }
    return {
      doc: source.doc,
      index: page.source - 1,
      half: page.half,
      geometry: placed.geometry,
      rotate: page.rotate,
    };
  });
}

/** Builds the copy's PDF from the scans and writes it under the output folder. */
export async function writeCopyPdf(
  outDir: string,
  copy: ManifestCopy,
  sources: readonly LoadedSource[],
  stack: ReadonlyMap<string, StackPage>,
): Promise<void> {
  await writeFileAtomic(join(outDir, copy.file), await buildCopyPdf(copyPageSources(copy, sources, stack)));
}
