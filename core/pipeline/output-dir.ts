// The output folder: manifest.json and copies/*.pdf. Every file is written to a temporary name and then
// renamed, so a crash never leaves a half-written PDF or manifest under its real name.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KorrigoError } from '../errors';
import type { Manifest } from '../manifest';
import { COPY_FILE } from './copies';

export const COPIES_DIR = 'copies';
export const MANIFEST_FILE = 'manifest.json';

/** Temporary names as writeFileAtomic makes them. */
const TEMP_FILE = /^\..+\.\d+-[0-9a-f]{8}\.tmp$/;
const MANIFEST_TEMP = /^\.manifest\.json\.\d+-[0-9a-f]{8}\.tmp$/;

/**
 * Creates the folder, writable, and refuses one that holds another batch's output: its copies would be
 * replaced or removed as stale without a word. `scans` are the sha256 of this batch's scan files.
 */
export async function prepareOutDir(outDir: string, scans: readonly string[]): Promise<void> {
  await refuseOtherBatch(outDir, scans);
  try {
    await mkdir(join(outDir, COPIES_DIR), { recursive: true });
    for (const folder of [outDir, join(outDir, COPIES_DIR)]) await access(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const exists = await stat(outDir).then(
      (info) => info.isDirectory(),
      () => false,
    );
    const reason =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'cannot create the output folder: a file of that name is in the way'
        : (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') && exists
          ? 'the output folder is read-only (permission denied): the copies cannot be written there'
          : code === 'EACCES' || code === 'EPERM'
            ? 'cannot create the output folder: permission denied'
            : code === 'ENOSPC'
              ? 'cannot create the output folder: the disk is full'
              : `cannot create the output folder: ${(error as Error).message}`;
    throw new KorrigoError('output-invalid', `${outDir}: ${reason}`, { cause: error });
  }
}

async function refuseOtherBatch(outDir: string, scans: readonly string[]): Promise<void> {
  let earlier: Pick<Manifest, 'sources'>;
  try {
    earlier = JSON.parse(await readFile(join(outDir, MANIFEST_FILE), 'utf8')) as Pick<Manifest, 'sources'>;
  } catch {
    return;
  }
  const theirs = (earlier.sources ?? []).map((source) => source.sha256);
  if (theirs.length === scans.length && theirs.every((sha256, index) => sha256 === scans[index])) return;
  const files = (earlier.sources ?? []).map((source) => source.file).join(', ');
  throw new KorrigoError(
    'output-invalid',
    `${outDir} holds the copies of another batch (scans ${files}): they would be replaced or removed`,
    { hint: 'give an empty or new folder as --out, or move that batch away first' },
  );
}

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new KorrigoError('output-invalid', `${path}: cannot write the file: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Removes copy PDFs of an earlier run that the new manifest does not list (and temporary files of a run
 * that crashed, beside the manifest as well as among the copies), so the folder matches its manifest.
 * Only files named as copies or as our temporary files are candidates, and scan files are never touched,
 * even if the operator keeps them in there.
 */
export async function removeStaleCopies(
  outDir: string,
  manifest: Manifest,
  scans: readonly string[],
): Promise<void> {
  const copiesDir = join(outDir, COPIES_DIR);
  const listed = new Set(manifest.copies.map((copy) => resolve(outDir, copy.file)));
  const protectedPaths = new Set(scans.map((scan) => resolve(scan)));
  for (const entry of await readdir(copiesDir, { withFileTypes: true })) {
    const path = resolve(copiesDir, entry.name);
    const stale = COPY_FILE.test(entry.name) || TEMP_FILE.test(entry.name);
    if (entry.isFile() && stale && !listed.has(path) && !protectedPaths.has(path)) await rm(path);
  }
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    const path = resolve(outDir, entry.name);
    if (entry.isFile() && MANIFEST_TEMP.test(entry.name) && !protectedPaths.has(path)) await rm(path);
  }
}
