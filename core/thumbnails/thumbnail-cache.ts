// Thumbnails cached on disk under <dataDir>/thumbs/, made on demand one at a time on a thread of their own,
// so they never take more than one core from a batch's reading nor hold up the station's calls (rendering a
// large page took the main thread for a second); a deleted file is made again. What a screen asks for goes
// before what is made ahead (prefetch), the newest request first; what no screen waits for any more is
// dropped. Most small thumbnails are already on disk: the reader makes them (side-thumbnails.ts).
import { stat } from 'node:fs/promises';
import { thumbnailName } from '../api/thumbnail-url';
import type { ThumbnailKey } from '../api/thumbnail-url';
import { KorrigoError } from '../errors';
import { thumbnailPath } from './thumbnail-path';
import type { ThumbnailMaker } from './thumbnail-maker';
import { workerMaker } from './worker-maker';

export interface Thumbnails {
  /** The cached file of `key`, made first when missing. */
  file(key: ThumbnailKey): Promise<string>;
  /**
   * One caller of `file(key)` no longer waits for it (its page left the screen). Once every caller has
   * withdrawn and its making has not started, it is not made: their calls fail with `withdrawn`. Says
   * whether it was so dropped.
   */
  withdraw(key: ThumbnailKey): boolean;
  /**
   * Makes `key` once nothing a screen asked for is waiting. Dropped, not made, once the station closes or
   * `dropAhead` is called; a failure is left for the screen's own request to meet and report.
   */
  prefetch(key: ThumbnailKey): void;
  /**
   * Opens the scan ahead (parsed, and its renderer started when its first page needs one), so that the
   * first thumbnail made from it does not wait for that. Queued like a prefetch.
   */
  warm(sha256: string): void;
  /** Forgets what was to be made ahead (a batch's reading starts: it has the cores). */
  dropAhead(): void;
  close(): Promise<void>;
}

interface Job {
  run: () => Promise<unknown>;
  /** Screen requests are settled through their promise; a dropped prefetch just never runs. */
  ahead: boolean;
  /**
   * A large rendering (a band is cut from one) takes many times a small one: the strips' small thumbnails
   * go first.
   */
  large?: boolean;
}

/** A thumbnail asked for and not made yet. */
interface Making {
  done: Promise<string>;
  /** Only made ahead: no screen waits for it. */
  ahead: boolean;
  /** Screen calls of `file` still waiting for it. */
  waiting: number;
  /** Looked for on disk, then waiting in a queue, then being made. */
  state: 'checking' | 'queued' | 'started';
  promote: () => void;
  drop: () => void;
}

/** `maker`: by default on its own thread; a test of the queue alone may make them in its own thread. */
export function createThumbnails(
  dataDir: string,
  scansDir: string,
  maker: ThumbnailMaker = workerMaker(scansDir),
): Thumbnails {
  const asked: Job[] = [];
  let ahead: Job[] = [];
  let working = false;
  const making = new Map<string, Making>();
  let closed = false;

  /** The newest small request, else the newest large one. */
  const nextAsked = (): Job | undefined => {
    const small = asked.findLastIndex((job) => !job.large);
    return small >= 0 ? asked.splice(small, 1)[0] : asked.pop();
  };

  const work = async () => {
    if (working) return;
    working = true;
    // The newest request first: a list scrolled fast asked for every page it passed, and the pages on
    // screen now are the last asked for.
    for (let job = nextAsked() ?? ahead.shift(); job; job = nextAsked() ?? ahead.shift()) {
      if (closed && job.ahead) continue;
      await job.run().catch(() => undefined);
    }
    working = false;
  };

  // Known synchronously from the first call on, so that a withdrawal finds it even while the disk is
  // looked at; a file found there is given at once, without waiting in a queue.
  const file = (key: ThumbnailKey, isAhead = false): Promise<string> => {
    const path = thumbnailPath(dataDir, key);
    const known = making.get(path);
    if (known) {
      // A screen now waits for what was only made ahead: it moves to the screen's queue.
      if (!isAhead && known.ahead) known.promote();
      if (!isAhead) known.waiting++;
      return known.done;
    }
    let resolve!: (value: string) => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<string>((yes, no) => ([resolve, reject] = [yes, no]));
    const job: Job = {
      ahead: isAhead,
      large: (key.size ?? 'small') !== 'small',
      run: () => {
        entry.state = 'started';
        return maker.make(key, path).then(() => resolve(path), reject);
      },
    };
    const entry: Making = {
      done,
      ahead: isAhead,
      waiting: isAhead ? 0 : 1,
      state: 'checking',
      promote: () => {
        entry.ahead = false;
        job.ahead = false;
        if (entry.state !== 'queued') return;
        ahead = ahead.filter((other) => other !== job);
        asked.push(job);
      },
      drop: () => {
        const at = asked.indexOf(job);
        if (at >= 0) asked.splice(at, 1);
        making.delete(path);
        reject(new KorrigoError('withdrawn', `Thumbnail ${thumbnailName(key)} no longer wanted`));
      },
    };
    making.set(path, entry);
    const forget = () => {
      if (making.get(path) === entry) making.delete(path);
    };
    done.then(forget, forget);
    void exists(path).then((found) => {
      if (making.get(path) !== entry) return;
      if (found) return resolve(path);
      entry.state = 'queued';
      (entry.ahead ? ahead : asked).push(job);
      void work();
    });
    return done;
  };

  return {
    file: (key) => file(key),
    withdraw(key) {
      const entry = making.get(thumbnailPath(dataDir, key));
      if (!entry || entry.ahead || entry.waiting === 0) return false;
      entry.waiting--;
      if (entry.waiting > 0 || entry.state === 'started') return false;
      entry.drop();
      return true;
    },
    prefetch(key) {
      if (!closed) file(key, true).catch(() => undefined);
    },
    warm(sha256) {
      if (closed) return;
      ahead.push({ ahead: true, run: () => maker.prepare(sha256) });
      void work();
    },
    dropAhead() {
      for (const [path, entry] of making) if (entry.ahead) making.delete(path);
      ahead = [];
    },
    async close() {
      closed = true;
      ahead = [];
      while (working) await new Promise((resolve) => setTimeout(resolve, 10));
      await maker.close();
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
