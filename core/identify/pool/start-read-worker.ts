// Starts one reading worker in whichever host runs the station. From the sources (the tsx CLI, vitest) this
// module is a .ts file, and the worker starts from read-worker-tsx.mjs, which compiles read-worker.ts. In
// the Electron core host this module is bundled into core-host.cjs and the worker is its own entry,
// read-worker.cjs, built beside it (vite.electron.config.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadWorkerData } from './messages';

const here = fileURLToPath(import.meta.url);

export function startReadWorker(workerData: ReadWorkerData): Worker {
  const entry = here.endsWith('.ts') ? 'read-worker-tsx.mjs' : 'read-worker.cjs';
  return new Worker(join(dirname(here), entry), { workerData });
}
