// Starts one reading worker in whichever host runs the station. From the sources (the tsx CLI, vitest) this
// module is a .ts file: read-worker.ts is bundled once per process (worker-bundle.ts) and every worker starts
// from that bundle. In the Electron core host this module is bundled into core-host.cjs and the worker is
// its own entry, read-worker.cjs, built beside it (vite.electron.config.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadWorkerData } from './messages';
import { startBundledWorker } from './worker-bundle';

const here = fileURLToPath(import.meta.url);

export async function startReadWorker(workerData: ReadWorkerData): Promise<Worker> {
  if (!here.endsWith('.ts')) {
    return new Worker(join(dirname(here), 'read-worker.cjs'), { workerData, execArgv: [] });
  }
  return startBundledWorker(join(dirname(here), 'read-worker.ts'), { workerData });
}
