// Where the station exports a batch (manifest.json + copies/*.pdf, the `export` command's contract). Its
// own file, free of the store, because Electron main serves these files and must not load better-sqlite3.
import { join } from 'node:path';

export function batchExportDir(dataDir: string, batchId: string): string {
  return join(dataDir, 'exports', batchId);
}
