// The cache's maker on its own worker thread, started at the first task and again after it died: a task
// then fails, the next one starts a fresh thread. The thread keeps no process alive while it has no task.
// From the sources the thread starts from thumbnail-worker.ts bundled once per process, like the reading
// workers (core/identify/pool/worker-bundle.ts); in the Electron core host this module is bundled into
// core-host.cjs and the thread is its own entry, thumbnail-worker.cjs, built beside it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KorrigoError } from '../errors';
import { startBundledWorker } from '../identify/pool/worker-bundle';
import type { MakerJob, MakerReply, MakerTask, MakerWorkerData } from './maker-messages';
import type { ThumbnailMaker } from './thumbnail-maker';

const here = fileURLToPath(import.meta.url);

function startThread(scansDir: string): Promise<Worker> {
  const workerData: MakerWorkerData = { scansDir };
  if (!here.endsWith('.ts'))
    return Promise.resolve(new Worker(join(dirname(here), 'thumbnail-worker.cjs'), { workerData }));
  return startBundledWorker(join(dirname(here), 'thumbnail-worker.ts'), { workerData });
}

export function workerMaker(scansDir: string): ThumbnailMaker {
  /** The thread, or its start under way. */
  let worker: Promise<Worker> | null = null;
  /** Closed with the station: nothing is made (nor written) any more. */
  let closed = false;
  let next = 0;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  const listen = (started: Worker, starting: Promise<Worker>) => {
    started.on('message', (reply: MakerReply) => {
      const task = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (reply.ok) task?.resolve();
      else task?.reject(reply.code ? new KorrigoError(reply.code, reply.message) : new Error(reply.message));
    });
    const stopped = (why: string) => {
      if (worker !== starting) return;
      worker = null;
      for (const task of pending.values()) task.reject(new Error(`The thumbnail thread stopped: ${why}`));
      pending.clear();
    };
    started.on('error', (error) => stopped(error.message));
    started.on('exit', (code) => stopped(`exit code ${code}`));
  };

  const start = (): Promise<Worker> => {
    const starting: Promise<Worker> = startThread(scansDir).then(
      (started) => {
        listen(started, starting);
        return started;
      },
      (error: unknown) => {
        // No thread: the next task tries again.
        if (worker === starting) worker = null;
        throw new Error(`The thumbnail thread could not start: ${(error as Error).message}`);
      },
    );
    return starting;
  };

  const send = async (job: MakerJob): Promise<void> => {
    if (closed) throw new Error('The thumbnail thread was closed');
    const starting = (worker ??= start());
    const started = await starting;
    if (worker !== starting) {
      throw new Error(closed ? 'The thumbnail thread was closed' : 'The thumbnail thread stopped');
    }
    return new Promise<void>((resolve, reject) => {
      started.ref();
      const id = next++;
      pending.set(id, { resolve, reject });
      started.postMessage({ ...job, id } satisfies MakerTask);
    });
  };

  return {
    make: (key, path) => send({ kind: 'make', key, path }),
    prepare: (sha256) => send({ kind: 'prepare', sha256 }),
    async close() {
      closed = true;
      const stopping = worker;
      worker = null;
      for (const task of pending.values()) task.reject(new Error('The thumbnail thread was closed'));
      pending.clear();
      const started = await stopping?.catch(() => null);
      await started?.terminate();
    },
  };
}
