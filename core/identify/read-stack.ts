// The identification reading stage: every A3 side of the stack rendered once and read on its own, before
// any pairing. A side already in the job's cache is neither rendered nor read again; a side that cannot be
// read in time is `unknown` with the reason instead of failing the batch.
import type { LoadedSource } from '../pdf/load-source';
import { openForRender, type RenderDocument, type RenderedPage } from '../pdf/render-page';
import type { StackPage } from '../pipeline/stack';
import { readAnnexPage } from './annex/read-annex-page';
import { readSide } from './read-side';
import type { Recognizer } from './recognize/recognizer';
import type { SideReading, SideReadingCache } from './types';

/** Boxes are ~5.6 mm: 150 dpi gives ~33 px a box, enough for the reader and ~4× cheaper than 300 dpi. */
export const READ_DPI = 150;
/** Per side; a side over it goes to review with the reason. */
export const SIDE_TIME_LIMIT_MS = 20_000;

export interface ReadSidesOptions {
  recognizer: Recognizer;
  dpi?: number;
  timeLimitMs?: number;
  /** Readings kept across runs of a job: looked up before reading, filled as each side is read. */
  cache?: SideReadingCache;
  onSide?: (done: number, total: number) => void;
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

function withinTime<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Readings of `sides` (A3 sides, and A4 pages that may be annexes), in the same order. */
export async function readSides(
  sides: readonly StackPage[],
  sources: readonly LoadedSource[],
  options: ReadSidesOptions,
): Promise<SideReading[]> {
  const dpi = options.dpi ?? READ_DPI;
  const timeLimit = options.timeLimitMs ?? SIDE_TIME_LIMIT_MS;
  const documents = new Map<number, RenderDocument>();
  const render = async (page: StackPage): Promise<RenderedPage> => {
    let doc = documents.get(page.file);
    if (!doc) {
      doc = await openForRender(sources[page.file - 1]!.bytes, { name: page.fileName });
      documents.set(page.file, doc);
    }
    return doc.render(page.source - 1, dpi);
  };
  const readings: SideReading[] = [];
  try {
    for (const page of sides) {
      const key = sideKey(sources[page.file - 1]!.sha256, page.source);
      let reading = options.cache?.get(key);
      if (!reading) {
        const read = page.layout === 'a3' ? readSide : readAnnexPage;
        const work = (async () => read(await render(page), dpi, options.recognizer))().catch(
          (error: unknown) => unreadable(`the side could not be read: ${(error as Error).message}`),
        );
        reading = await withinTime(work, timeLimit, () =>
          unreadable(`reading the side took over ${timeLimit / 1000} s`),
        );
        options.cache?.put(key, reading);
      }
      readings.push(reading);
      options.onSide?.(readings.length, sides.length);
    }
  } finally {
    await Promise.all([...documents.values()].map((doc) => doc.close()));
  }
  return readings;
}
