// A batch's scans read back from the store, for a run that did not start from the operator's files
// (a resumed job, an export, a batch from the hot folder). Messages name the operator's file names.
import { access } from 'node:fs/promises';
import { KorrigoError } from '../errors';
import type { LoadedSource } from '../pdf/load-source';
import { loadSources } from '../pipeline/load-sources';
import { batchSources } from '../store/batch-rows';
import type { Store } from '../store/open-store';
import { scanPath } from '../store/scan-files';

export async function loadStoredSources(
  store: Store,
  batchId: string,
  onLoaded?: (done: number, total: number, fileName: string) => void,
): Promise<LoadedSource[]> {
  const rows = batchSources(store.db, batchId);
  const paths = rows.map((row) => scanPath(store.scansDir, row.sha256));
  for (const [index, row] of rows.entries()) {
    const missing = await access(paths[index]!).then(
      () => false,
      () => true,
    );
    if (missing) {
      throw new KorrigoError(
        'file-not-found',
        `${paths[index]}: the stored copy of ${row.fileName} is missing`,
        {
          hint: `import ${row.fileName} again (the same command with the scan, or drop it in the hot folder)`,
        },
      );
    }
  }
  const sources = await loadSources(paths, (done, total) =>
    onLoaded?.(done, total, rows[done - 1]!.fileName),
  );
  sources.forEach((source, index) => {
    const row = rows[index]!;
    if (source.sha256 !== row.sha256) {
      throw new KorrigoError(
        'pdf-corrupt',
        `${source.path}: the stored copy of ${row.fileName} no longer matches its hash: it was modified or damaged`,
        { hint: `import ${row.fileName} again from the scanner's file` },
      );
    }
  });
  return sources;
}
