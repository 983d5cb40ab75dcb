// The output folder: manifest.json and copies/*.pdf. Every file is written to a temporary name and then
// renamed, so a crash never leaves a half-written PDF or manifest under its real name.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KorrigoError } from '../errors';
import type { Manifest } from '../manifest';
import { COPY_FILE } from './copies';

export const COPIES_DIR = 'copies';
export const MANIFEST_FILE = 'manifest.json';

/** Temporary names as writeFileAtomic makes them. */
const TEMP_FILE = /^\..+\.\d+-[0-9a-f]{8}\.tmp$/;

export async function prepareOutDir(outDir: string): Promise<void> {
  try {
    await mkdir(join(outDir, COPIES_DIR), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a file of that name is in the way'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (error as Error).message;
    throw new KorrigoError('output-invalid', `${outDir}: cannot create the output folder: ${reason}`, {
      cause: error,
    });
  }
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
 * that crashed), so the folder matches its manifest. Only files named as copies are candidates, and scan
 * files are never touched, even if the operator keeps them in there.
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
}
