import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface ListedFile {
  name: string;
  size: number;
  mtimeMs: number;
}

export type FolderListing = { ok: true; files: ListedFile[] } | { ok: false; reason: string };

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
    const reason =
      code === 'ENOENT' ? 'it does not exist (any more)' : code === 'EACCES' ? 'permission denied' : message;
    return { ok: false, reason };
  }
}
