// Runs tasks on a few worker threads, each started once and fed one task at a time. A task over its time
// limit has its worker terminated (a hung render or a runaway loop cannot be interrupted any other way) and
// a fresh worker takes the next task; a worker that dies takes only its own task with it. A worker that
// cannot even start is a broken install, not a bad scan: the whole run stops with the reason.
import type { Worker } from 'node:worker_threads';
import { KorrigoError } from '../../errors';

/** A worker's protocol: `ready` once, then exactly one `done` or `failed` per task posted. */
export type PoolMessage<O> =
  { type: 'ready' } | { type: 'done'; value: O } | { type: 'failed'; message: string };

export type TaskOutcome<O> =
  | { kind: 'done'; value: O }
  | { kind: 'failed'; message: string }
  | { kind: 'timeout' }
  | { kind: 'crashed'; message: string };

export interface WorkerPoolOptions<I, O> {
  size: number;
  start: () => Worker;
  timeLimitMs: number;
  /** Startup loads code and models: slow on a loaded machine, but bounded so a stuck start cannot hang. */
  startLimitMs: number;
  /** What is posted for an input, made only as it is posted (so large messages are not all held at once). */
  message?: (input: I) => unknown;
  /** Called as each task ends, in the order they end. */
  onOutcome: (index: number, outcome: TaskOutcome<O>) => void;
}

interface Running<O> {
  worker: Worker;
  next: () => Promise<PoolMessage<O>>;
  /** Settles with the reason when the worker errors or exits. */
  stopped: Promise<string>;
}

const TIMEOUT = Symbol('timeout');

async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), ms)));
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function watch<O>(worker: Worker): Running<O> {
  // A listener must stay for the worker's whole life: an 'error' nobody listens to crashes the host.
  const stopped = new Promise<string>((resolve) => {
    worker.on('error', (error) => resolve(error.message));
    worker.on('exit', (code) => resolve(`the worker thread exited with code ${code}`));
  });
  // Each reply is awaited right after its task is posted, so nothing a worker says is missed.
  const next = () => new Promise<PoolMessage<O>>((resolve) => worker.once('message', resolve));
  return { worker, next, stopped };
}

async function whenReady<O>(running: Running<O>, startLimitMs: number): Promise<Running<O>> {
  const first = await within(
    Promise.race([running.next(), running.stopped.then((reason) => new Error(reason))]),
    startLimitMs,
  );
  if (first !== TIMEOUT && !(first instanceof Error) && first.type === 'ready') return running;
  const why =
    first === TIMEOUT
      ? `not ready within ${startLimitMs / 1000} s`
      : first instanceof Error
        ? first.message
        : `it sent ${first.type} before ready`;
  throw new KorrigoError('internal', `A worker thread could not start: ${why}`, {
    hint: 'Reinstall the station if this happens again: its files may be damaged.',
  });
}

async function runTask<O>(
  running: Running<O>,
  message: unknown,
  timeLimitMs: number,
): Promise<TaskOutcome<O>> {
  running.worker.postMessage(message);
  const crashed = running.stopped.then((message) => ({ kind: 'crashed', message }) as const);
  const reply = await within(Promise.race([running.next(), crashed]), timeLimitMs);
  if (reply === TIMEOUT) return { kind: 'timeout' };
  if ('kind' in reply) return reply;
  if (reply.type === 'done') return { kind: 'done', value: reply.value };
  if (reply.type === 'failed') return { kind: 'failed', message: reply.message };
  return { kind: 'crashed', message: 'the worker thread sent ready twice' };
}

/** Runs every input, `options.size` at a time; resolves once each has its outcome and every worker is gone. */
export async function runOnPool<I, O>(inputs: readonly I[], options: WorkerPoolOptions<I, O>): Promise<void> {
  let taken = 0;
  let failure: unknown;
  const live = new Set<Worker>();
  const ended: Promise<number>[] = [];
  const end = (worker: Worker) => {
    live.delete(worker);
    ended.push(worker.terminate());
  };
  const lane = async () => {
    let running: Running<O> | undefined;
    while (failure === undefined && taken < inputs.length) {
      const index = taken++;
      if (!running) {
        const worker = options.start();
        live.add(worker);
        running = await whenReady(watch<O>(worker), options.startLimitMs);
      }
      const input = inputs[index]!;
      const outcome = await runTask(
        running,
        options.message ? options.message(input) : input,
        options.timeLimitMs,
      );
      // Another lane failed and terminated this worker: the run is over, its outcome means nothing.
      if (failure !== undefined) return;
      if (outcome.kind === 'timeout' || outcome.kind === 'crashed') {
        end(running.worker);
        running = undefined;
      }
      options.onOutcome(index, outcome);
    }
  };
  const lanes = Array.from({ length: Math.min(options.size, inputs.length) }, () =>
    lane().catch((error: unknown) => {
      failure ??= error;
      [...live].forEach(end);
    }),
  );
  await Promise.all(lanes);
  [...live].forEach(end);
  await Promise.all(ended);
  if (failure !== undefined) throw failure;
}
