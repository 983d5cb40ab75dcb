// Identification on realistic scans: students matched against the roster from their handwritten boxed
// headers, multi-sheet copies chained, a sheet fed upside down put back upright — and above all no copy
// given to the wrong student and no copy mixing two students, whatever is left for review.
import { describe, expect, it } from 'vitest';
import type { GenerateOptions } from '../generator/types';
import { copyPageIds, renderedCopyPageIds, truthByHalf } from './truth-check';
import { useGeneratedBatches } from './process-generated';

const CASES: { title: string; options: GenerateOptions }[] = [
  {
    title: 'copier compact pages at 200 dpi, a sheet upside down',
    options: { seed: 31, shape: 'compact', dpi: 200, students: 8, fonts: ['Humor Sans'], upsideDown: 1 },
  },
  {
    title: 'single JPEG sides at 150 dpi, twins and a stranger in the stack',
    options: {
      seed: 32,
      shape: 'jpeg',
      dpi: 150,
      students: 8,
      fonts: ['Comic Neue'],
      twins: 1,
      strangers: 1,
    },
  },
  // Handwriting the reader never trained on: held-out-hands.test.ts.
];

const processGenerated = useGeneratedBatches('korrigo-identify-');

// Generation and reading at 150–200 dpi take ~30 s a case on an idle machine; a loaded one needs more.
const TIMEOUT_MS = 400_000;

describe('identification on generated batches', () => {
  it.each(CASES)('$title', { timeout: TIMEOUT_MS }, async ({ options }) => {
    const { batch, manifest, outDir } = await processGenerated(options);
    const { truth } = batch;

    const ids = copyPageIds(manifest, truth);
    expect(ids.flat().sort((a, b) => a - b)).toEqual([...truthByHalf(truth).values()].sort((a, b) => a - b));
    expect(manifest.invariants.violations).toEqual([]);

    const ownerOf = new Map(truth.pages.map((page) => [page.id, page.student]));
    const owners = ids.map((copy) => new Set(copy.map((id) => ownerOf.get(id))));
    // Never two students in one copy; never a ready copy for the wrong student.
    for (const set of owners) expect(set.size).toBe(1);
    manifest.copies.forEach((copy, c) => {
      if (copy.status === 'ready') expect(copy.student?.email).toBe([...owners[c]!][0]);
      else expect(copy.reasons.length).toBeGreaterThan(0);
    });
    // The reader must earn its keep: at least half the present students come out ready.
    const present = new Set(truth.sheets.map((s) => s.student)).size;
    const ready = new Set(manifest.copies.filter((c) => c.status === 'ready').map((c) => c.student!.email));
    expect(ready.size).toBeGreaterThanOrEqual(Math.ceil(present / 2));

    // Pages are upright and in reading order as a viewer shows them, the upside-down sheet included.
    expect(await renderedCopyPageIds(manifest, outDir, 40)).toEqual(ids);
    const turned = truth.sheets.filter((s) => s.upsideDown).flatMap((s) => s.pages);
    for (const copy of manifest.copies) {
      copy.pages.forEach((page, i) => {
        const id = ids[manifest.copies.indexOf(copy)]![i]!;
        expect(page.rotate).toBe(turned.includes(id) ? 180 : 0);
      });
    }
  });
});
