import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { batchExportDir } from '../data-dir';
import { BATCH_ID_PATTERN } from '../api/files';

/** `requested` (a URL path, already decoded) inside `root`, or null when it would step outside it. */
export function pathInside(root: string, requested: string): string | null {
  if (requested.includes('\0')) return null;
  const absolute = resolve(root, `./${requested}`);
  const rel = relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return absolute;
}

/** The file a `/files/<batchId>/<path>` URL names, confined to that batch's export folder. */
export function resolveBatchFile(dataDir: string, urlPath: string): string | null {
  const match = /^\/files\/([^/]+)\/(.+)$/.exec(urlPath);
  if (!match) return null;
  const [, rawId = '', rawRest = ''] = match;
  let batchId: string;
  let rest: string;
  try {
    batchId = decodeURIComponent(rawId);
    rest = decodeURIComponent(rawRest);
  } catch {
    return null;
  }
  if (!BATCH_ID_PATTERN.test(batchId)) return null;
  return pathInside(batchExportDir(dataDir, batchId), rest);
}

/**
 * The real file behind a `/files/...` URL, for serving or opening: a copy PDF whose real path (symlinks
 * followed) is still inside that batch's export folder, or null.
 */
export async function realBatchPdf(dataDir: string, urlPath: string): Promise<string | null> {
  const file = resolveBatchFile(dataDir, urlPath);
  if (file === null || extname(file).toLowerCase() !== '.pdf') return null;
  const batchId = /^\/files\/([^/]+)\//.exec(urlPath)?.[1] ?? '';
  try {
    const [realRoot, real] = await Promise.all([
      realpath(batchExportDir(dataDir, decodeURIComponent(batchId))),
      realpath(file),
    ]);
    if (extname(real).toLowerCase() !== '.pdf' || pathInside(realRoot, relative(realRoot, real)) !== real)
      return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}
