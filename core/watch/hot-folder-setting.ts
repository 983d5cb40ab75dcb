// The station's hot folder as the operator set it from the app: the folder the scanner writes to and the
// roster its batches are made with, kept in the data dir so the next start watches it again.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { OWNER_ONLY_FILE } from '../data-dir';

export interface HotFolderSetting {
  folder: string;
  roster: string;
}

const SETTING_FILE = 'hot-folder.json';

const settingSchema = z.strictObject({ folder: z.string().min(1), roster: z.string().min(1) });

/** The setting kept in `dataDir`, or null when none is (or the file is not one the station wrote). */
export async function readHotFolderSetting(dataDir: string): Promise<HotFolderSetting | null> {
  const text = await readFile(join(dataDir, SETTING_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = settingSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Kept owner-only, written whole (a crash leaves the old setting or the new one, never half of one). */
export async function writeHotFolderSetting(
  dataDir: string,
  setting: HotFolderSetting | null,
): Promise<void> {
  const path = join(dataDir, SETTING_FILE);
  await writeFile(`${path}.new`, JSON.stringify(setting), { mode: OWNER_ONLY_FILE });
  await rename(`${path}.new`, path);
}
