// The cache's maker on its own worker thread, started at the first task and again after it died: a task
// then fails, the next one starts a fresh thread. The thread keeps no process alive while it has no task.
// From the sources the thread starts from thumbnail-worker-tsx.mjs; in the Electron core host this module
// is bundled into core-host.cjs and the thread is its own entry, thumbnail-worker.cjs, built beside it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KorrigoError } from '../errors';
import type { MakerJob, MakerReply, MakerTask, MakerWorkerData } from './maker-messages';
import type { ThumbnailMaker } from './thumbnail-maker';

const here = fileURLToPath(import.meta.url);

export function workerMaker(scansDir: string): ThumbnailMaker {
  let worker: Worker | null = null;
  /** Closed with the station: nothing is made (nor written) any more. */
  let closed = false;
  let next = 0;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  const start = (): Worker => {
    const entry = here.endsWith('.ts') ? 'thumbnail-worker-tsx.mjs' : 'thumbnail-worker.cjs';
    const data: MakerWorkerData = { scansDir };
    const started = new Worker(join(dirname(here), entry), { workerData: data });
    started.on('message', (reply: MakerReply) => {
      const task = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (reply.ok) task?.resolve();
      else task?.reject(reply.code ? new KorrigoError(reply.code, reply.message) : new Error(reply.message));
    });
    const stopped = (why: string) => {
      if (worker !== started) return;
      worker = null;
      for (const task of pending.values()) task.reject(new Error(`The thumbnail thread stopped: ${why}`));
      pending.clear();
    };
    started.on('error', (error) => stopped(error.message));
    started.on('exit', (code) => stopped(`exit code ${code}`));
    return started;
  };

  const send = (job: MakerJob) =>
    new Promise<void>((resolve, reject) => {
      if (closed) return reject(new Error('The thumbnail thread was closed'));
      worker ??= start();
      worker.ref();
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies MakerTask);
    });

  return {
    make: (key, path) => send({ kind: 'make', key, path }),
    prepare: (sha256) => send({ kind: 'prepare', sha256 }),
    async close() {
      closed = true;
      const stopping = worker;
      worker = null;
      for (const task of pending.values()) task.reject(new Error('The thumbnail thread was closed'));
      pending.clear();
      await stopping?.terminate();
    },
  };
}
