// Generated scanner batches seen page by page: each logical page of the stack with its ground truth, and a
// way to render any part of it as displayed (a half of an A3 side, or a whole A4 page).
import { crop } from '../../../core/identify/crop';
import {
  openForRender,
  type PageRegion,
  type RenderDocument,
  type RenderedPage,
} from '../../../core/pdf/render-page';
import { generateBatch } from '../../generator/generate';
import type { GenerateOptions, RosterStudent, TruthPage, TruthSheet, TruthSide } from '../../generator/types';

/** Up to this resolution sides are rendered whole, once, and parts cut from them. */
const WHOLE_SIDE_DPI = 300;

export interface ScannedPage {
  truth: TruthPage;
  /** The sheet the page belongs to (null for a loose A4 page). */
  sheet: TruthSheet | null;
  side: TruthSide;
  half: 'left' | 'right' | 'full';
  /** Renders `region` of the page as displayed (fractions of the A4 page), or all of it; kept. */
  render(dpi: number, region?: PageRegion): Promise<RenderedPage>;
}

export interface ScannedBatch {
  pages: ScannedPage[];
  /** Roster students and strangers: whoever a sheet's header names. */
  people: RosterStudent[];
  /** Renders these parts of every page at once, each side decoded once (pdfjs is slow at it). */
  prefetch(dpi: number, regions: readonly PageRegion[]): Promise<void>;
  close(): Promise<void>;
}

export async function scanBatch(options: GenerateOptions): Promise<ScannedBatch> {
  const batch = await generateBatch(options);
  const docs: RenderDocument[] = [];
  for (const file of batch.files) docs.push(await openForRender(file.bytes, { name: file.name }));
  const byId = new Map(batch.truth.pages.map((page) => [page.id, page]));
  // pdfjs decodes a side's whole scan on every render, whatever the region: render each side once at a
  // time, and cut the parts asked for out of it (tests go through the pages in stack order).
  let last: { side: TruthSide; dpi: number; image: Promise<RenderedPage> } | null = null;
  const sideImage = (side: TruthSide, dpi: number) => {
    if (last?.side !== side || last.dpi !== dpi) {
      const doc = docs[side.file - 1] as RenderDocument;
      last = { side, dpi, image: doc.render(side.source - 1, dpi) };
    }
    return last.image;
  };
  const pages: ScannedPage[] = [];
  for (const side of batch.truth.sides) {
    for (const half of ['left', 'right', 'full'] as const) {
      const id = side[half];
      const truth = id === undefined ? undefined : byId.get(id);
      if (!truth) continue;
      const offset = half === 'right' ? 0.5 : 0;
      const scaleX = half === 'full' ? 1 : 0.5;
      // Tests ask for the same few parts of a page again and again: keep them.
      const parts = new Map<string, Promise<RenderedPage>>();
      const render = (dpi: number, region: PageRegion = { x: 0, y: 0, width: 1, height: 1 }) => {
        const key = `${dpi} ${region.x} ${region.y} ${region.width} ${region.height}`;
        let part = parts.get(key);
        if (!part) {
          const onSide = {
            x: offset + region.x * scaleX,
            y: region.y,
            width: region.width * scaleX,
            height: region.height,
          };
          // A whole side at a high resolution is hundreds of megabytes: there, render just the part.
          part =
            dpi > WHOLE_SIDE_DPI
              ? (docs[side.file - 1] as RenderDocument).render(side.source - 1, dpi, onSide)
              : sideImage(side, dpi).then((image) => crop(image, onSide));
          parts.set(key, part);
        }
        return part;
      };
      pages.push({
        truth,
        sheet: truth.sheet === null ? null : (batch.truth.sheets[truth.sheet] ?? null),
        side,
        half,
        render,
      });
    }
  }
  return {
    pages,
    people: [...batch.roster.students, ...(batch.truth.strangers ?? [])],
    prefetch: async (dpi, regions) => {
      for (const page of pages) for (const region of regions) await page.render(dpi, region);
    },
    close: async () => {
      for (const doc of docs) await doc.close();
    },
  };
}

/** An exam page of the given number (1..4), displayed upright. */
export function isUprightPage(page: ScannedPage, pageInSheet: number): boolean {
  return page.truth.pageInSheet === pageInSheet && page.side.upsideDown !== true && !page.truth.unscanned;
}
