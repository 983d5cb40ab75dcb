// Scans are kept as `<scansDir>/<sha256>.pdf`, read-only: the name is the content, so a file is written once
// and never modified, and every derived file can be rebuilt from it. Written to a temporary name, flushed
// to disk, then renamed: a crash never leaves a partial file under a hash name.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { KorrigoError } from '../errors';
import { sha256 as sha256Of } from '../sha256';
import { ownerIsAlive } from './process-owner';

const READ_ONLY = 0o444;
/** `.<sha256>.<host>+<pid>-<random>.tmp`: who wrote it, so only a dead writer's leftovers are removed. */
const TEMP_FILE = /^\.[0-9a-f]{64}\.(.+)\+(\d+)-[0-9a-f]{8}\.tmp$/;

const tempName = (sha256: string) =>
  `.${sha256}.${hostname()}+${process.pid}-${randomBytes(4).toString('hex')}.tmp`;

export const scanPath = (scansDir: string, sha256: string): string => join(scansDir, `${sha256}.pdf`);

/** Puts the scan's bytes (which hash to `sha256`) in the store, once, and gives their path there. */
export async function storeScanFile(scansDir: string, sha256: string, bytes: Uint8Array): Promise<string> {
  const path = scanPath(scansDir, sha256);
  const existing = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw storeError(path, error);
  });
  if (existing && sha256Of(existing) === sha256) return path;
  try {
    await mkdir(scansDir, { recursive: true });
    // A damaged stored copy is replaced by the good bytes; it must be writable for that on Windows.
    if (existing) await chmod(path, 0o644);
    const temp = join(scansDir, tempName(sha256));
    try {
      await writeDurably(temp, bytes);
      await rename(temp, path);
    } finally {
      await rm(temp, { force: true });
    }
    await syncFolder(scansDir);
    return path;
  } catch (error) {
    throw storeError(path, error as NodeJS.ErrnoException);
  }
}

async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const file = await open(path, 'wx', READ_ONLY);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Makes the rename durable too, where the system can sync a folder (Windows cannot: it is skipped). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse to sync a folder; the rename is then as durable as they make it.
  } finally {
    await handle.close();
  }
}

/** Temporary files left by a process killed while storing a scan. */
export async function removeOrphanTemps(scansDir: string): Promise<void> {
  const names = await readdir(scansDir).catch(() => []);
  for (const name of names) {
    const match = TEMP_FILE.exec(name);
    if (match && !ownerIsAlive(`${match[1]}/${match[2]}`)) await rm(join(scansDir, name), { force: true });
  }
}

function storeError(path: string, error: NodeJS.ErrnoException): KorrigoError {
  const reason = error.code === 'EACCES' || error.code === 'EPERM' ? 'permission denied' : error.message;
  return new KorrigoError('output-invalid', `${path}: cannot store the scan: ${reason}`, { cause: error });
}
