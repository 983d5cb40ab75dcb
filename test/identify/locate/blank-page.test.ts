// Blank pages told from written ones on small renderings of whole pages, every PDF shape, with the
// hatched "do not write here" band some versos carry (this seed's paper has it, and a blank P3 under it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBlankPage } from '../../../core/identify/locate/blank-page';
import type { PdfShape } from '../../generator/types';
import { scanBatch, type ScannedBatch } from './scanned-pages';

const SHAPES: PdfShape[] = ['jpeg', 'compact', 'bilevel'];

describe.each(SHAPES)('isBlankPage on %s scans', (shape) => {
  let batch: ScannedBatch;
  beforeAll(async () => {
    batch = await scanBatch({ seed: 3, shape, dpi: 100, students: 3, sheetsPerStudent: [1, 2], a4Pages: 1 });
  });
  afterAll(() => batch.close());

  it.each([40, 50])('is right about every page at %d dpi', async (dpi) => {
    const pages = batch.pages.filter((page) => page.side.upsideDown !== true);
    expect(pages.some((page) => page.truth.blank && page.truth.pageInSheet === 3)).toBe(true);
    expect(pages.some((page) => page.truth.pageInSheet === null)).toBe(true);
    for (const page of pages) {
      expect(isBlankPage(await page.render(dpi), dpi), `page ${page.truth.id}`).toBe(page.truth.blank);
    }
  });
});
