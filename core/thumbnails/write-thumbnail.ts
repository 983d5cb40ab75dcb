// A thumbnail is written whole or not at all: to a temporary file renamed into place, so the cache never
// serves half a file. The station's cache and the reading workers may write the same thumbnail at the same
// time (one process, several threads): each writes its own temporary file, and the last rename wins with
// the same picture.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

export async function writeThumbnail(path: string, webp: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}-${threadId}.tmp`;
  await writeFile(temp, webp);
  await rename(temp, path);
}
