// `process` reports the quality of every scan file in the manifest, with or without the store.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processInto } from '../../core/jobs/process-scans';
import { processBatch } from '../../core/jobs/process-scans';
import { FIXED_NOW, useStores, writeRoster, writeScan } from '../store/store-fixture';
import { noiseJpeg, sheetSides } from './fixtures';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const openTestStore = useStores(tempDir);

describe('the input quality report in the manifest', () => {
  it('is written for each source by process, and the same through the store', async () => {
    // A copier-like sheet: a 234 × 331 px background over the portrait MediaBox (20 dpi) and 16 px ink
    // masks drawn 16 pt wide (72 dpi), stored with /Rotate 270.
    const raster = { jpeg: await noiseJpeg(234, 331), masks: 4 };
    const scans = [await writeScan(tempDir(), 'SKM1.pdf', sheetSides(1, { rotate: 270, raster }))];
    const roster = await writeRoster(tempDir());
    const outDir = join(tempDir(), 'plain');
    const manifest = await processBatch({ scans, roster, outDir, identify: false });

    expect(manifest.sources[0]!.quality).toEqual({
      imageDpi: { min: 20, max: 20 },
      inkDpi: { min: 72, max: 72 },
      colour: ['colour', 'bilevel'],
      pageSizes: [{ widthMm: 420, heightMm: 297, pages: 2 }],
      rotations: [{ rotate: 270, pages: 2 }],
      warnings: [expect.stringMatching(/^SKM1\.pdf: scanned too coarse .*\(ink layer at 72 dpi/)],
    });
    expect(JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')).sources).toEqual(
      manifest.sources,
    );

    const store = openTestStore({ now: FIXED_NOW });
    const stored = await processInto(store, {
      scans,
      roster,
      outDir: join(tempDir(), 'stored'),
      identify: false,
    });
    expect(stored.manifest.sources).toEqual(manifest.sources);
  });
});
