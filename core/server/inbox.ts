// <dataDir>/inbox/<uuid>/<name>: where the browser's files land (upload.ts), and the only files a browser
// may name in an API call. An upload is spent by the call that names it (the scans are copied into the
// store, the roster into the database); one never named is removed after INBOX_MAX_AGE_MS, since rosters
// hold students' data.
import { readdir, realpath, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

export const INBOX_MAX_AGE_MS = 60 * 60 * 1000;

export const inboxDir = (dataDir: string): string => join(dataDir, 'inbox');

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * True when every path is a regular file uploaded into the inbox. Paths elsewhere are refused before the
 * disk is looked at, so the answer says nothing of whether they exist.
 */
export async function allInInbox(paths: readonly string[], inbox: string): Promise<boolean> {
  if (!paths.every((path) => isAbsolute(path) && inside(inbox, resolve(path)))) return false;
  try {
    const realInbox = await realpath(inbox);
    for (const path of paths) {
      const real = await realpath(path);
      if (!inside(realInbox, real) || !(await stat(real)).isFile()) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The upload folder (inbox/<uuid>) a path is in, or null when it is not an upload. */
export function inboxFolderOf(path: string, inbox: string): string | null {
  if (!isAbsolute(path) || !inside(inbox, resolve(path))) return null;
  const parts = relative(inbox, resolve(path)).split(/[/\\]/);
  return parts.length === 2 ? join(inbox, parts[0]!) : null;
}

/** Removes the upload folders holding these files: once a call has read them they are in the store. */
export async function spendUploads(paths: readonly string[], inbox: string): Promise<void> {
  for (const path of paths) {
    const folder = inboxFolderOf(path, inbox);
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

/** Upload folders older than `maxAgeMs`: left by a browser that never processed them. */
export async function removeOldUploads(
  inbox: string,
  now = Date.now(),
  maxAgeMs = INBOX_MAX_AGE_MS,
): Promise<void> {
  for (const name of await readdir(inbox).catch(() => [])) {
    const folder = join(inbox, name);
    const info = await stat(folder).catch(() => null);
    if (info && now - info.mtimeMs > maxAgeMs) await rm(folder, { recursive: true, force: true });
  }
}

/** Bytes held in the inbox now. */
export async function inboxBytes(inbox: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(inbox).catch(() => [])) {
    for (const file of await readdir(join(inbox, name)).catch(() => [])) {
      total += (await stat(join(inbox, name, file)).catch(() => null))?.size ?? 0;
    }
  }
  return total;
}
