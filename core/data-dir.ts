import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KorrigoError } from './errors';

export const APP_FOLDER_NAME = 'Korrigo Scan Station';

/** Students' names, birth dates and scans: nobody but the station's user reads the data dir. */
export const OWNER_ONLY_DIR = 0o700;
export const OWNER_ONLY_FILE = 0o600;

/**
 * The station's data dir: $KORRIGO_DATA_DIR when set, else the per-user folder Electron would use
 * (its `appData` + the product name), so the desktop app and `korrigo-station serve` share batches.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.KORRIGO_DATA_DIR) return env.KORRIGO_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}

/**
 * Where the station exports a batch (manifest.json + copies/*.pdf, the `export` command's contract). Here,
 * free of the store, because Electron main serves these files and must not load better-sqlite3.
 */
export function batchExportDir(dataDir: string, batchId: string): string {
  return join(dataDir, 'exports', batchId);
}

/** Creates the data dir owner-only, and takes back a folder an older station left world-readable. */
export function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: OWNER_ONLY_DIR });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new KorrigoError(
        'bad-arguments',
        `${dataDir} is a file, not a folder: it cannot hold the station's data`,
      );
    }
    throw new KorrigoError(
      'output-invalid',
      `cannot create the data folder ${dataDir}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const info = statSync(dataDir);
  if (!info.isDirectory()) {
    throw new KorrigoError(
      'bad-arguments',
      `${dataDir} is a file, not a folder: it cannot hold the station's data`,
    );
  }
  // Only the folder's owner may change its mode: a database of another account's folder (--db) is used as is.
  if (process.platform !== 'win32' && info.uid === process.getuid?.()) chmodSync(dataDir, OWNER_ONLY_DIR);
}
