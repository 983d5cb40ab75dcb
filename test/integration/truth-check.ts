// Checks a processed batch against the generator's ground truth: the manifest's bookkeeping, and what the
// copy PDFs really show (each page's machine-readable tag, read back from a rendering of the output).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '../../core/manifest';
import { halfKey } from '../../core/pipeline/copies';
import { openForRender } from '../../core/pdf/render-page';
import { readPageTag } from '../generator/page-tag';
import type { BatchTruth } from '../generator/types';

/** Truth page id shown at each displayed half (or full page) of each source page, by `halfKey`. */
export function truthByHalf(truth: BatchTruth): Map<string, number> {
  const byHalf = new Map<string, number>();
  for (const side of truth.sides) {
    for (const half of ['left', 'right', 'full'] as const) {
      const id = side[half];
      if (id !== undefined) byHalf.set(halfKey(side.file, side.source, half), id);
    }
  }
  return byHalf;
}

/** The truth page ids of each copy, in the manifest's reading order. */
export function copyPageIds(manifest: Manifest, truth: BatchTruth): number[][] {
  const byHalf = truthByHalf(truth);
  return manifest.copies.map((copy) =>
    copy.pages.map((p) => {
      const id = byHalf.get(halfKey(p.file, p.source, p.half));
      if (id === undefined)
        throw new Error(`manifest page ${halfKey(p.file, p.source, p.half)} is not in the scan`);
      return id;
    }),
  );
}

/** Renders every page of every copy PDF, as a viewer displays it, and reads its tag. */
export async function renderedCopyPageIds(
  manifest: Manifest,
  outDir: string,
  dpi = 60,
): Promise<(number | null)[][]> {
  const result: (number | null)[][] = [];
  for (const copy of manifest.copies) {
    const doc = await openForRender(new Uint8Array(await readFile(join(outDir, copy.file))), {
      name: copy.file,
    });
    try {
      const ids: (number | null)[] = [];
      for (let i = 0; i < doc.pageCount; i++) ids.push(readPageTag(await doc.render(i, dpi)));
      result.push(ids);
    } finally {
      await doc.close();
    }
  }
  return result;
}
