import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface ListedFile {
  name: string;
  size: number;
  mtimeMs: number;
}

/** Why a folder cannot be read, for a UI to say in its own words. */
export const FOLDER_PROBLEMS = ['missing', 'denied', 'other'] as const;
export type FolderProblem = (typeof FOLDER_PROBLEMS)[number];

export type FolderListing =
  { ok: true; files: ListedFile[] } | { ok: false; cause: FolderProblem; reason: string };

/**
 * The PDFs directly in the folder, or why the folder cannot be read now (a network share gone, a USB
 * drive pulled out). Hidden and lock files (".x.pdf", "~$x.pdf") are other programs' work in progress.
 */
export async function listPdfs(folder: string): Promise<FolderListing> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    const files: ListedFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || !/\.pdf$/i.test(entry.name) || /^[.~]/.test(entry.name)) continue;
      const info = await stat(join(folder, entry.name)).catch((error: NodeJS.ErrnoException) => {
        // Gone between the listing and now: it was moved or deleted, there is nothing to pick up.
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (info) files.push({ name: entry.name, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) });
    }
    return { ok: true, files };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return { ok: false, cause: 'missing', reason: 'it does not exist (any more)' };
    if (code === 'EACCES') return { ok: false, cause: 'denied', reason: 'permission denied' };
    return { ok: false, cause: 'other', reason: message };
  }
}
