// The foundation's promise on realistic scans: every PDF shape, rotations, several files, loose A4 pages and
// an odd side count come out with zero page loss, every page exactly once, pages in order — checked against
// the generator's ground truth, both in the manifest and in what the copy PDFs really display.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processBatch } from '../../core/jobs/process-scans';
import { generateBatch } from '../generator/generate';
import { writeBatch } from '../generator/write-batch';
import type { GenerateOptions } from '../generator/types';
import { copyPageIds, renderedCopyPageIds, truthByHalf } from './truth-check';

const CASES: { title: string; options: GenerateOptions }[] = [
  { title: 'single JPEG sides', options: { seed: 11, shape: 'jpeg', dpi: 40, students: 6 } },
  {
    title: 'JPEG sides stored with an inherited /Rotate 90, over 3 files, with a loose A4 page',
    options: {
      seed: 12,
      shape: 'jpeg',
      dpi: 40,
      students: 6,
      rotate: 90,
      inheritRotate: true,
      files: 3,
      a4Pages: 1,
    },
  },
  {
    title: 'JPEG sides with /Rotate 180 and the last verso missing',
    options: { seed: 13, shape: 'jpeg', dpi: 40, students: 5, rotate: 180, dropLastVerso: true },
  },
  {
    title: 'copier compact pages (/Rotate 270, JPEG background + ink masks) over 2 files, A4 page, odd count',
    options: { seed: 14, shape: 'compact', dpi: 40, students: 6, files: 2, a4Pages: 1, dropLastVerso: true },
  },
  {
    title: 'copier compact pages with /Rotate 270 inherited from the page tree',
    options: { seed: 15, shape: 'compact', dpi: 40, students: 5, inheritRotate: true },
  },
  {
    title: 'bilevel sides over 2 files',
    options: { seed: 16, shape: 'bilevel', dpi: 40, students: 6, files: 2 },
  },
  {
    title: 'bilevel sides with loose A4 pages and an odd count',
    options: { seed: 17, shape: 'bilevel', dpi: 40, students: 5, a4Pages: 2, dropLastVerso: true },
  },
];

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('generated scanner batches against their ground truth', () => {
  it.each(CASES)('$title', async ({ options }) => {
    const dir = await mkdtemp(join(tmpdir(), 'korrigo-truth-'));
    dirs.push(dir);
    const batch = await generateBatch(options);
    const { scans, roster } = await writeBatch(batch, dir);
    const outDir = join(dir, 'out');

    // Identification is tested on its own: these low-dpi scans check what the split does to every page.
    const manifest = await processBatch({ scans, roster, outDir, identify: false });
    const { truth } = batch;

    // Every logical page of the stack is in exactly one copy: nothing lost, nothing doubled.
    const ids = copyPageIds(manifest, truth);
    const scanned = [...truthByHalf(truth).values()];
    expect(ids.flat().sort((a, b) => a - b)).toEqual(scanned.sort((a, b) => a - b));
    expect(manifest.invariants.everyPageOnce).toBe(true);
    expect(manifest.invariants.pagesInOrder).toBe(true);

    // Each complete sheet is one copy in reading order P1, P2, P3, P4.
    const sheetPages = new Map(truth.sheets.map((s) => [s.pages[0], s.pages]));
    const fullSheets = ids.filter((copy) => copy.length === 4);
    for (const copy of fullSheets) expect(copy).toEqual(sheetPages.get(copy[0] as number));
    const lostVerso = options.dropLastVerso ? 1 : 0;
    expect(fullSheets).toHaveLength(truth.sheets.length - lostVerso);

    // Only the accidents break the multiple-of-4 rule, and each such copy says why.
    const short = manifest.copies.filter((c) => c.pages.length % 4 !== 0);
    expect(short).toHaveLength(lostVerso + (options.a4Pages ?? 0));
    expect(manifest.invariants.multipleOfFour).toBe(short.every((c) => c.reasons.length > 0));
    for (const copy of short) expect(copy.status).toBe('needs_review');
    if (options.dropLastVerso) expect(manifest.warnings.join('\n')).toMatch(/verso/i);

    // What a viewer shows on each output page is the page the manifest says, ink included.
    expect(await renderedCopyPageIds(manifest, outDir)).toEqual(ids);
  });
});
