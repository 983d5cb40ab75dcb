// The identification reading stage: every A3 side of the stack rendered once and read on its own, before
// any pairing. A side costs ~0.5–1.5 s of CPU, so sides are read on worker threads, one per core by default,
// each with its own recognizer. A side already in the job's cache is neither rendered nor read again; a side
// that cannot be read in time, or whose worker dies, is `unknown` with the reason instead of failing the batch.
import { availableParallelism } from 'node:os';
import type { LoadedSource } from '../pdf/load-source';
import { readPageGeometry, type PageLayout } from '../pdf/page-geometry';
import { wholePageImage } from '../pdf/page-image';
import type { ReadDocument, ReadTask, ReadWorkerData } from './pool/messages';
import { startReadWorker } from './pool/start-read-worker';
import { WorkerPool, type TaskOutcome } from './pool/worker-pool';
import { defaultModelPath } from './recognize/create-recognizer';
import type { SideReading, SideReadingCache } from './types';

/** Boxes are ~5.6 mm: 150 dpi gives ~33 px a box, enough for the reader and ~4× cheaper than 300 dpi. */
export const READ_DPI = 150;
/**
 * Per side, in CPU time of its worker where the system tells it (see WorkerPool): a side over it goes to
 * review with the reason.
 */
export const SIDE_TIME_LIMIT_MS = 20_000;
/**
 * A worker loads its code and the model before its first side: not counted in
 * the side's limit. In CPU time of the worker (see WorkerPool), so a machine busy with other work does not
 * stop the whole run.
 */
const WORKER_START_LIMIT_MS = 60_000;

export interface ReadSidesOptions {
  /** Worker threads; by default one per core, never more than the sides to read. */
  workers?: number;
  dpi?: number;
  timeLimitMs?: number;
  /** Readings kept across runs of a job: looked up before reading, filled as each side is read. */
  cache?: SideReadingCache;
  /** Set to have each side read make its default thumbnails for the station of this data directory. */
  thumbnails?: { dataDir: string };
  /** Counts rise one by one; sides read in parallel may finish out of stack order. */
  onSide?: (done: number, total: number) => void;
}

/** A side of the stack as the reader needs it (the pipeline's stack pages are such). */
export interface SideToRead {
  /** 1-based scan file and page in it. */
  file: number;
  source: number;
  fileName: string;
  layout: PageLayout;
}

/** The cache key of a side: it names the scan by content, so renamed or reordered files still hit. */
export const sideKey = (sha256: string, page: number): string => `${sha256}:${page}`;

function unreadable(note: string): SideReading {
  return {
    role: 'unknown',
    upsideDown: null,
    header: null,
    pageBoxes: [null, null],
    blank: [false, false],
    notes: [note],
  };
}

function readingOf(outcome: TaskOutcome<SideReading>, timeLimit: number): SideReading {
  switch (outcome.kind) {
    case 'done':
      return outcome.value;
    case 'timeout':
      return unreadable(`reading the side took over ${timeLimit / 1000} s`);
    case 'failed':
    case 'crashed':
      return unreadable(`the side could not be read: ${outcome.message}`);
  }
}

/**
 * One copy of the scan that every worker reads, instead of one copy posted to each: the loaded bytes
 * themselves when they were read shared (loadSource does).
 */
function sharedCopy(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
}

/**
 * One pool per model file for the whole process: its workers (each with its compiled code and its model)
 * stay warm between batches, so only the first batch of a session pays their start-up.
 */
const pools = new Map<string, WorkerPool<SideReading>>();

function readPool(modelPath: string): WorkerPool<SideReading> {
  let pool = pools.get(modelPath);
  if (!pool) {
    const data: ReadWorkerData = { modelPath };
    pool = new WorkerPool({ start: () => startReadWorker(data), startLimitMs: WORKER_START_LIMIT_MS });
    pools.set(modelPath, pool);
  }
  return pool;
}

/** See readOneBatchOnly. */
let oneBatchOnly = false;

/**
 * For a process that reads one batch and exits (the CLI's `process`): its reading workers end as soon as
 * the sides are read, instead of staying warm for a next batch that will not come. Idle, they held ~60 MB
 * each of the process's memory through the split and the writing of the copies. A session (`serve`, the
 * app, the hot folder) keeps them.
 */
export function readOneBatchOnly(): void {
  oneBatchOnly = true;
}

/** Ends the idle reading workers now (they end by themselves after a while without work). */
export async function closeReadPools(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.close()));
}

/** Workers started by this process so far, for the benchmarks: a warm second batch starts none. */
export const readWorkersStarted = (): number =>
  [...pools.values()].reduce((sum, pool) => sum + pool.started, 0);

/** Readings of `sides` (A3 sides, and A4 pages that may be annexes), in the same order. */
export async function readSides(
  sides: readonly SideToRead[],
  sources: readonly LoadedSource[],
  options: ReadSidesOptions = {},
): Promise<SideReading[]> {
  const dpi = options.dpi ?? READ_DPI;
  const timeLimit = options.timeLimitMs ?? SIDE_TIME_LIMIT_MS;
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers ${workers} is not 1 or more`);
  const keys = sides.map((page) => sideKey(sources[page.file - 1]!.sha256, page.source));
  const readings = keys.map((key) => options.cache?.get(key));
  let done = 0;
  const progress = () => options.onSide?.(++done, sides.length);
  for (const reading of readings) if (reading) progress();

  const toRead = sides.flatMap((page, i) => (readings[i] ? [] : [{ page, i }]));
  const documents = new Map<number, ReadDocument>();
  for (const { page } of toRead) {
    if (documents.has(page.file)) continue;
    const source = sources[page.file - 1]!;
    documents.set(page.file, { key: source.sha256, name: page.fileName, bytes: sharedCopy(source.bytes) });
  }
  // The task is made as it is posted: a page that is one image goes with its image's bytes, taken out then.
  const task = ({ page }: (typeof toRead)[number]): ReadTask => {
    const node = sources[page.file - 1]!.doc.getPage(page.source - 1).node;
    const image = wholePageImage(node, readPageGeometry(node));
    const task = {
      document: documents.get(page.file)!,
      pageIndex: page.source - 1,
      layout: page.layout,
      dpi,
      thumbnails: options.thumbnails,
    };
    return image ? { ...task, image } : task;
  };
  await readPool(defaultModelPath()).run(toRead, {
    size: workers,
    message: task,
    timeLimitMs: timeLimit,
    onOutcome: (index, outcome) => {
      const { i } = toRead[index]!;
      const reading = readingOf(outcome, timeLimit);
      options.cache?.put(keys[i]!, reading);
      readings[i] = reading;
      progress();
    },
  });
  if (oneBatchOnly) await closeReadPools();
  return readings as SideReading[];
}
