import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Korrigo Scan Station';

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
