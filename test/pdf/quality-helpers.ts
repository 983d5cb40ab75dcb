import type { LoadedSource } from '../../core/pdf/load-source';
import { parsePdfQuietly } from '../../core/pdf/parse-pdf';
import type { GeneratedFile } from '../generator/types';

/** A scan file as the loader hands it over, straight from its bytes (the loader's checks are tested apart). */
export async function loaded(file: GeneratedFile): Promise<LoadedSource> {
  const doc = await parsePdfQuietly(file.bytes);
  return { path: file.name, bytes: file.bytes, sha256: '', doc, pageCount: doc.getPageCount() };
}
