// Where a running `korrigo-station serve` leaves its address and key for the station's own command line
// (`korrigo-station rotate-key`): in the owner-only data dir, beside the database it already guards.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { KorrigoError } from '../errors';

const SERVE_FILE = 'serve.json';

const serveFile = z.object({ origin: z.string().url(), key: z.string().min(1) });
export type ServeFile = z.infer<typeof serveFile>;

export async function writeServeFile(dataDir: string, file: ServeFile): Promise<void> {
  const path = join(dataDir, SERVE_FILE);
  await rm(path, { force: true });
  await writeFile(path, JSON.stringify(file), { mode: 0o600, flag: 'wx' });
}

export async function removeServeFile(dataDir: string): Promise<void> {
  await rm(join(dataDir, SERVE_FILE), { force: true });
}

export async function readServeFile(dataDir: string): Promise<ServeFile> {
  const path = join(dataDir, SERVE_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new KorrigoError('file-not-found', `no station is serving from ${dataDir}`, {
      hint: 'start it with korrigo-station serve (give the same --data-dir)',
    });
  }
  const parsed = serveFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new KorrigoError('file-unreadable', `${path} is damaged; restart the station`);
  return parsed.data;
}
