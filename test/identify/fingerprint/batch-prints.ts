// Generated batches fingerprinted as the pipeline does it (each side rendered as displayed at 150 dpi),
// with the truth of which side rescans which, for the tests and the benchmark.
import { fingerprintSide, type SideFingerprint } from '../../../core/identify/fingerprint/side-fingerprint';
import { openForRender } from '../../../core/pdf/render-page';
import type { GeneratedBatch, TruthSide } from '../../generator/types';

export const RENDER_DPI = 150;

export interface PrintedSide {
  truth: TruthSide;
  print: SideFingerprint;
  /** Time to fingerprint the rendered side, ms (rendering not included). */
  ms: number;
}

export const sideKey = (at: { file: number; source: number }) => `${at.file}:${at.source}`;

/** The first scan of the paper a side shows: itself unless it is a rescan. */
export const paperOf = (side: TruthSide) => sideKey(side.duplicateOf ?? side);

export async function fingerprintBatch(batch: GeneratedBatch): Promise<PrintedSide[]> {
  const bySide = new Map(batch.truth.sides.map((side) => [sideKey(side), side]));
  const printed: PrintedSide[] = [];
  for (const [f, file] of batch.files.entries()) {
    const doc = await openForRender(file.bytes, { name: file.name });
    try {
      for (let page = 0; page < doc.pageCount; page++) {
        const image = await doc.render(page, RENDER_DPI);
        const start = performance.now();
        const print = fingerprintSide(image, RENDER_DPI);
        const truth = bySide.get(sideKey({ file: f + 1, source: page + 1 }));
        if (!truth) throw new Error(`no truth for page ${page + 1} of ${file.name}`);
        printed.push({ truth, print, ms: performance.now() - start });
      }
    } finally {
      await doc.close();
    }
  }
  return printed;
}

/**
 * The stack's sheets as the pairing stage makes them for a batch without feed faults: in each file,
 * consecutive A3 sides as recto then verso.
 */
export function sheetsOf(sides: readonly PrintedSide[]): PrintedSide[][] {
  const sheets: PrintedSide[][] = [];
  for (const side of sides) {
    const last = sheets.at(-1);
    const pairs = side.truth.kind === 'a3' && last?.length === 1 && last[0]?.truth.kind === 'a3';
    if (last && pairs && last[0]?.truth.file === side.truth.file) last.push(side);
    else sheets.push([side]);
  }
  return sheets;
}
