// The reading worker's entry when the station runs from its TypeScript sources (the tsx CLI, vitest): Node 20
// carries neither the parent's loader hooks nor `--import` into a worker, so the thread registers tsx itself.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// The thread says who it is before compiling the reader, so its compile counts in CPU time (see
// worker-pool.ts); read-worker.ts says it again before loading the model.
const { currentThread } = await import('./thread-cpu.ts');
const thread = currentThread();
if (thread !== undefined) parentPort.postMessage({ type: 'started', thread });
await import('./read-worker.ts');
