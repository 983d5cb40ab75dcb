// Runs tasks on a few worker threads, each started once and fed one task at a time. A pool outlives its
// runs: the workers a run leaves idle wait, unreferenced (they keep no process alive), for the next run, so
// a second batch in the same session pays no start-up; after a while without work they end. A task over its
// time limit has its worker terminated (a hung render or a runaway loop cannot be interrupted any other
// way) and a fresh worker takes the next task; a worker that dies takes only its own task with it. A worker
// that cannot even start is a broken install, not a bad scan: the whole run stops with the reason.
import type { Worker } from 'node:worker_threads';
import { KorrigoError } from '../../errors';
import { threadCpuMs } from './thread-cpu';

/**
 * A worker's protocol: `ready` once (with its OS thread id where it can tell it, so its time can be
 * counted in CPU time), then exactly one `done` or `failed` per task posted. Before `ready`, a worker may
 * say `started` with its thread id as soon as it runs: its start-up (compiling code, loading a model) is
 * then counted in CPU time too.
 */
export type PoolMessage<O> =
  | { type: 'started'; thread: number }
  | { type: 'ready'; thread?: number }
  | { type: 'done'; value: O }
  | { type: 'failed'; message: string };

export type TaskOutcome<O> =
  | { kind: 'done'; value: O }
  | { kind: 'failed'; message: string }
  | { kind: 'timeout' }
  | { kind: 'crashed'; message: string };

export interface PoolOptions {
  /** A fresh worker; it may first have to be prepared (its code bundled, from the sources). */
  start: () => Worker | Promise<Worker>;
  /**
   * Startup loads code and models: slow on a loaded machine, but bounded so a stuck start cannot hang. In
   * CPU time of the worker's thread once it has said `started` (Linux), in wall-clock time until then.
   */
  startLimitMs: number;
  /** Idle workers end after this long without a task. */
  idleMs?: number;
}

export interface RunOptions<I, O> {
  /** Workers this run uses at once. */
  size: number;
  /**
   * Per task, in CPU time of the worker's thread where the system tells it (Linux), so that a machine busy
   * with other work does not turn slow tasks into timeouts; in wall-clock time elsewhere.
   */
  timeLimitMs: number;
  /** What is posted for an input, made only as it is posted (so large messages are not all held at once). */
  message?: (input: I) => unknown;
  /** Called as each task ends, in the order they end. */
  onOutcome: (index: number, outcome: TaskOutcome<O>) => void;
}

/**
 * A task counted in CPU time still ends after this many times its limit in wall-clock time: a worker
 * that waits forever uses no CPU.
 */
const WALL_FACTOR = 10;
/** How often a running task's CPU time is looked at, at most. */
const POLL_MS = 200;
const IDLE_MS = 5 * 60_000;

interface Running<O> {
  worker: Worker;
  /** The worker's OS thread, when it said. */
  thread?: number;
  next: () => Promise<PoolMessage<O>>;
  /** Settles with the reason when the worker errors or exits. */
  stopped: Promise<string>;
  dead: boolean;
}

const TIMEOUT = Symbol('timeout');

async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), ms)));
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Like `within`, but the limit is CPU time of `thread` (polled), with a wall-clock backstop. */
async function withinCpu<T>(work: Promise<T>, thread: number, ms: number): Promise<T | typeof TIMEOUT> {
  const start = threadCpuMs(thread);
  if (start === null) return within(work, ms);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setInterval(
      () => {
        const now = threadCpuMs(thread);
        if (now === null || now - start > ms) resolve(TIMEOUT);
      },
      Math.max(1, Math.min(POLL_MS, ms / 4)),
    );
  });
  return within(Promise.race([work, limit]), ms * WALL_FACTOR).finally(() => clearInterval(timer));
}

function watch<O>(worker: Worker): Running<O> {
  // What the worker said and nobody has taken yet (`started` may come twice in a row before `ready`).
  const said: PoolMessage<O>[] = [];
  let waiting: ((message: PoolMessage<O>) => void) | undefined;
  worker.on('message', (message: PoolMessage<O>) => {
    const take = waiting;
    waiting = undefined;
    if (take) take(message);
    else said.push(message);
  });
  const running: Running<O> = {
    worker,
    next: () => {
      const message = said.shift();
      return message ? Promise.resolve(message) : new Promise((resolve) => (waiting = resolve));
    },
    // A listener must stay for the worker's whole life: an 'error' nobody listens to crashes the host.
    stopped: new Promise<string>((resolve) => {
      worker.on('error', (error) => resolve(error.message));
      worker.on('exit', (code) => resolve(`the worker thread exited with code ${code}`));
    }),
    dead: false,
  };
  void running.stopped.then(() => (running.dead = true));
  return running;
}

/** A worker that cannot start is a broken install, not a bad scan. */
function cannotStart(why: string, cause?: unknown): KorrigoError {
  return new KorrigoError('internal', `A worker thread could not start: ${why}`, {
    hint: 'Reinstall the station if this happens again: its files may be damaged.',
    ...(cause === undefined ? {} : { cause }),
  });
}

async function whenReady<O>(running: Running<O>, startLimitMs: number): Promise<Running<O>> {
  for (;;) {
    const said = Promise.race([running.next(), running.stopped.then((reason) => new Error(reason))]);
    const first =
      running.thread === undefined
        ? await within(said, startLimitMs)
        : await withinCpu(said, running.thread, startLimitMs);
    if (first !== TIMEOUT && !(first instanceof Error) && first.type === 'started') {
      running.thread = first.thread;
      continue;
    }
    if (first !== TIMEOUT && !(first instanceof Error) && first.type === 'ready') {
      if (first.thread !== undefined) running.thread = first.thread;
      return running;
    }
    const why =
      first === TIMEOUT
        ? `not ready within ${startLimitMs / 1000} s${running.thread === undefined ? '' : ' of CPU time'}`
        : first instanceof Error
          ? first.message
          : `it sent ${first.type} before ready`;
    throw cannotStart(why);
  }
}

async function runTask<O>(
  running: Running<O>,
  message: unknown,
  timeLimitMs: number,
): Promise<TaskOutcome<O>> {
  running.worker.postMessage(message);
  const crashed = running.stopped.then((message) => ({ kind: 'crashed', message }) as const);
  const replied = Promise.race([running.next(), crashed]);
  const reply =
    running.thread === undefined
      ? await within(replied, timeLimitMs)
      : await withinCpu(replied, running.thread, timeLimitMs);
  if (reply === TIMEOUT) return { kind: 'timeout' };
  if ('kind' in reply) return reply;
  if (reply.type === 'done') return { kind: 'done', value: reply.value };
  if (reply.type === 'failed') return { kind: 'failed', message: reply.message };
  return { kind: 'crashed', message: `the worker thread sent ${reply.type} after it was ready` };
}

export class WorkerPool<O> {
  private idle: Running<O>[] = [];
  private idleTimer: NodeJS.Timeout | undefined;
  /** Workers started since the pool was made (tests and benchmarks look at it). */
  started = 0;

  constructor(private readonly options: PoolOptions) {}

  /** Runs every input, `size` at a time; resolves once each has its outcome. */
  async run<I>(inputs: readonly I[], options: RunOptions<I, O>): Promise<void> {
    clearTimeout(this.idleTimer);
    let taken = 0;
    let failure: unknown;
    const busy = new Set<Running<O>>();
    const ended: Promise<number>[] = [];
    const end = (running: Running<O>) => {
      busy.delete(running);
      ended.push(running.worker.terminate());
    };
    const lane = async () => {
      let running: Running<O> | undefined;
      while (failure === undefined && taken < inputs.length) {
        const index = taken++;
        if (!running) {
          running = await this.take(busy);
          if (failure !== undefined) return end(running);
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
          end(running);
          running = undefined;
        }
        options.onOutcome(index, outcome);
      }
    };
    const lanes = Array.from({ length: Math.min(options.size, inputs.length) }, () =>
      lane().catch((error: unknown) => {
        failure ??= error;
        [...busy].forEach(end);
      }),
    );
    await Promise.all(lanes);
    await Promise.all(ended);
    if (failure !== undefined) throw failure;
    for (const running of busy) this.rest(running);
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs ?? IDLE_MS).unref();
  }

  /** Ends the idle workers (running ones end with their run's failure, or rest once it is done). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const idle = this.idle;
    this.idle = [];
    await Promise.all(idle.map((running) => running.worker.terminate()));
  }

  /** An idle worker still alive, else a fresh one once it is ready. */
  private async take(busy: Set<Running<O>>): Promise<Running<O>> {
    for (let running = this.idle.pop(); running; running = this.idle.pop()) {
      if (running.dead) continue;
      running.worker.ref();
      busy.add(running);
      return running;
    }
    let worker: Worker;
    try {
      worker = await this.options.start();
    } catch (error) {
      throw cannotStart((error as Error).message, error);
    }
    const running = watch<O>(worker);
    this.started++;
    busy.add(running);
    return whenReady(running, this.options.startLimitMs);
  }

  private rest(running: Running<O>): void {
    if (running.dead) return;
    running.worker.unref();
    this.idle.push(running);
  }
}

/** Runs every input on a pool of its own; resolves once each has its outcome and every worker is gone. */
export async function runOnPool<I, O>(
  inputs: readonly I[],
  options: RunOptions<I, O> & PoolOptions,
): Promise<void> {
  const pool = new WorkerPool<O>(options);
  try {
    await pool.run(inputs, options);
  } finally {
    await pool.close();
  }
}
