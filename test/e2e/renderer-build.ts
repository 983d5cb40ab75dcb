// The E2E tests drive the built renderer. Building takes about a second, but is skipped when
// dist/renderer is newer than every source it is built from; a clean clone builds it.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';

const ROOT = join(import.meta.dirname, '..', '..');
export const RENDERER_DIST = join(ROOT, 'dist', 'renderer');
const SOURCES = [
  'renderer',
  'core/api',
  'core/manifest.ts',
  'core/errors.ts',
  'vite.config.ts',
  'package.json',
];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

async function builtAt(): Promise<number> {
  try {
    return (await stat(join(RENDERER_DIST, 'index.html'))).mtimeMs;
  } catch {
    return 0;
  }
}

export async function ensureRendererBuilt(): Promise<void> {
  const sources = await Promise.all(SOURCES.map((source) => newestMtime(join(ROOT, source))));
  if ((await builtAt()) > Math.max(...sources)) return;
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
