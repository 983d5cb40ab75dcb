// The identification reading stage: every sheet of the stack rendered once per side and read. A sheet that
// cannot be read in time goes to review instead of failing the batch.
import type { LoadedSource } from '../pdf/load-source';
import { openForRender, type RenderDocument, type RenderedPage } from '../pdf/render-page';
import type { StackUnit } from '../pipeline/sheets';
import type { StackPage } from '../pipeline/stack';
import { readSheet } from './read-sheet';
import type { Recognizer } from './recognize/recognizer';
import type { SheetReading } from './types';

/** Boxes are ~5.6 mm: 150 dpi gives ~33 px a box, enough for the reader and ~4× cheaper than 300 dpi. */
export const READ_DPI = 150;
/** Per sheet; a sheet over it goes to review with the reason. */
export const SHEET_TIME_LIMIT_MS = 20_000;

export type SheetUnit = Exclude<StackUnit<StackPage>, { kind: 'loose-page' }>;

export interface ReadStackOptions {
  recognizer: Recognizer;
  dpi?: number;
  timeLimitMs?: number;
  onSheet?: (done: number, total: number) => void;
}

function unreadable(note: string): SheetReading {
  return { header: null, pageBoxes: [null, null, null, null], notes: [note], upsideDown: false };
}

function withinTime<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export async function readStack(
  units: readonly SheetUnit[],
  sources: readonly LoadedSource[],
  options: ReadStackOptions,
): Promise<SheetReading[]> {
  const dpi = options.dpi ?? READ_DPI;
  const timeLimit = options.timeLimitMs ?? SHEET_TIME_LIMIT_MS;
  const documents = new Map<number, RenderDocument>();
  const render = async (page: StackPage): Promise<RenderedPage> => {
    let doc = documents.get(page.file);
    if (!doc) {
      const source = sources[page.file - 1]!;
      doc = await openForRender(source.bytes, { name: page.fileName });
      documents.set(page.file, doc);
    }
    return doc.render(page.source - 1, dpi);
  };
  const readings: SheetReading[] = [];
  try {
    for (const unit of units) {
      const work = (async () => {
        const recto = await render(unit.recto);
        const verso = unit.kind === 'sheet' ? await render(unit.verso) : null;
        return readSheet({ recto, verso, dpi }, options.recognizer);
      })().catch((error: unknown) => unreadable(`the sheet could not be read: ${(error as Error).message}`));
      readings.push(
        await withinTime(work, timeLimit, () =>
          unreadable(`reading the sheet took over ${timeLimit / 1000} s`),
        ),
      );
      options.onSheet?.(readings.length, units.length);
    }
  } finally {
    await Promise.all([...documents.values()].map((doc) => doc.close()));
  }
  return readings;
}
