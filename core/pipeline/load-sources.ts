import { basename } from 'node:path';
import { KorrigoError } from '../errors';
import type { ManifestSource } from '../manifest';
import { MAX_PAGES, loadSource, tooManyPagesError } from '../pdf/load-source';
import type { LoadedSource } from '../pdf/load-source';

/** The scanner files, in stack order: together they are one stack of sheets. */
export async function loadSources(
  paths: readonly string[],
  onLoaded?: (done: number, total: number, path: string) => void,
): Promise<LoadedSource[]> {
  if (paths.length === 0) throw new KorrigoError('bad-arguments', 'no scan file given');
  const sources: LoadedSource[] = [];
  for (const path of paths) {
    const source = await loadSource(path);
    const twin = sources.find((earlier) => earlier.sha256 === source.sha256);
    if (twin) {
      // The same scan twice would put every sheet in two copies.
      throw new KorrigoError(
        'pdf-duplicate',
        `${path}: same contents as ${twin.path}; give each scan file once`,
      );
    }
    sources.push(source);
    onLoaded?.(sources.length, paths.length, path);
  }
  const pages = sources.reduce((sum, source) => sum + source.pageCount, 0);
  if (pages > MAX_PAGES) throw tooManyPagesError(`the ${sources.length} scan files together hold`, pages);
  return sources;
}

export function describeSource(source: LoadedSource): ManifestSource {
  return { file: basename(source.path), sha256: source.sha256, pages: source.pageCount };
}
