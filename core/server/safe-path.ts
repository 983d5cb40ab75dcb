import { isAbsolute, relative, resolve } from 'node:path';
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
