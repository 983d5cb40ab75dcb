// The quality report on generated scans of every shape: what the generator wrote (resolution, colour,
// sizes, /Rotate) must come back out, and the warnings must fire on coarse scans and dropped sides only.
import { describe, expect, it } from 'vitest';
import type { SourceQuality } from '../../core/manifest';
import { measureQuality } from '../../core/pdf/quality/source-quality';
import { generateBatch } from '../generator/generate';
import type { GenerateOptions } from '../generator/types';
import { loaded } from './quality-helpers';

const SMALL = { seed: 11, students: 2, present: 2, sheetsPerStudent: [1, 1] as [number, number] };

async function qualityOf(
  options: Omit<GenerateOptions, 'seed' | 'students'> & { seed?: number },
): Promise<SourceQuality[]> {
  const batch = await generateBatch({ ...SMALL, ...options });
  const sources = await Promise.all(batch.files.map(loaded));
  return measureQuality(
    sources,
    batch.files.map((file) => file.name),
  );
}

/** Within ±2 % of the resolution the generator drew at. */
function expectDpi(range: { min: number; max: number } | null, dpi: number): void {
  expect(range).not.toBeNull();
  expect(range!.min).toBeGreaterThanOrEqual(dpi * 0.98);
  expect(range!.max).toBeLessThanOrEqual(dpi * 1.02);
}

const A3_LANDSCAPE = { widthMm: 420, heightMm: 297 };

describe('input quality report on generated scans', () => {
  it('single-JPEG pages: page image resolution, colour, /Rotate inherited from the page tree', async () => {
    const [quality] = await qualityOf({ shape: 'jpeg', dpi: 150, rotate: 90, inheritRotate: true });
    expectDpi(quality!.imageDpi, 150);
    expect(quality).toMatchObject({
      inkDpi: null,
      colour: ['colour'],
      pageSizes: [{ ...A3_LANDSCAPE, pages: 4 }],
      rotations: [{ rotate: 90, pages: 4 }],
      warnings: [],
    });
  });

  it('compact copier pages: the background at half the resolution, the ink masks apart at full', async () => {
    const [quality] = await qualityOf({ shape: 'compact', dpi: 300 });
    expectDpi(quality!.imageDpi, 150);
    expectDpi(quality!.inkDpi, 300);
    expect(quality).toMatchObject({
      colour: ['colour', 'bilevel'],
      pageSizes: [{ ...A3_LANDSCAPE, pages: 4 }],
      rotations: [{ rotate: 270, pages: 4 }],
      warnings: [],
    });
  });

  it('bilevel pages over two files: a sheet split across the files is no fault', async () => {
    // Seed 12 cuts the stack of 4 sides after the third: each file holds an odd number of A3 sides.
    const qualities = await qualityOf({ shape: 'bilevel', dpi: 150, files: 2, seed: 12 });
    expect(qualities.map((q) => q.pageSizes)).toEqual([
      [{ ...A3_LANDSCAPE, pages: 3 }],
      [{ ...A3_LANDSCAPE, pages: 1 }],
    ]);
    for (const quality of qualities) {
      expectDpi(quality.imageDpi, 150);
      expect(quality).toMatchObject({ inkDpi: null, colour: ['bilevel'], warnings: [] });
      expect(quality.rotations).toEqual([{ rotate: 0, pages: quality.pageSizes[0]!.pages }]);
    }
  });

  it('warns, naming the file, when the scan is too coarse and when a side was dropped', async () => {
    const [quality] = await qualityOf({ shape: 'compact', dpi: 100, dropLastVerso: true });
    expectDpi(quality!.inkDpi, 100);
    expect(quality!.pageSizes).toEqual([{ ...A3_LANDSCAPE, pages: 3 }]);
    expect(quality!.warnings).toEqual([
      expect.stringMatching(/^SKM1\.pdf: scanned too coarse .*ink layer at 100 dpi, 140 dpi needed/),
      expect.stringMatching(/^SKM1\.pdf: an odd run of 3 A3 sides \(pages 1–3\).*blank-page removal/),
    ]);
  });
});

describe('a file the report cannot follow', () => {
  it('is reported as not measured, with the reason, and the run goes on', async () => {
    const batch = await generateBatch({ ...SMALL, shape: 'bilevel', dpi: 100 });
    const source = await loaded(batch.files[0]!);
    const broken = {
      ...source,
      doc: new Proxy(source.doc, {
        get: () => () => {
          throw new Error('unexpected object');
        },
      }),
    };
    const [quality] = measureQuality([broken], ['SKM1.pdf']);
    expect(quality!.imageDpi).toBeNull();
    expect(quality!.warnings).toEqual([
      'SKM1.pdf: the quality report could not be computed (unexpected object)',
    ]);
  });
});
