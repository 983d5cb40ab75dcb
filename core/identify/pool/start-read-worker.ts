// Starts one reading worker in whichever host runs the station. From the sources (the tsx CLI, vitest) this
// module is a .ts file: read-worker.ts is bundled once per process (worker-bundle.ts) and every worker starts
// from that bundle. In the Electron core host this module is bundled into core-host.cjs and the worker is
// its own entry, read-worker.cjs, built beside it (vite.electron.config.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadWorkerData } from './messages';
import { bundleWorker } from './worker-bundle';

const here = fileURLToPath(import.meta.url);
let bundled: Promise<URL> | undefined;

export async function startReadWorker(workerData: ReadWorkerData): Promise<Worker> {
  // Workers otherwise inherit the parent's flags: under tsx, a `--require` of its own that enables source
  // maps in every worker.
  const options = { workerData, execArgv: [] };
  if (!here.endsWith('.ts')) return new Worker(join(dirname(here), 'read-worker.cjs'), options);
  // A bundle that failed (a syntax error in the sources) is tried again by the next worker.
  bundled ??= bundleWorker(join(dirname(here), 'read-worker.ts')).catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return new Worker(await bundled, options);
}
