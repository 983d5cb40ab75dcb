// Identification on handwriting the reader never trained on (scripts/recognizer/training-fonts.ts
// HELD_OUT_FONTS), over several seeds, on the first printing and on the printing kept out of all tuning
// (test/generator/printing.ts). Tiny batches keep several seeds cheap; the stack is planned as the pipeline
// plans it (no copy PDFs written: identification.test.ts checks those). Never a copy mixing two students,
// never a ready copy for the wrong student, every page in exactly one copy and upright, and all present
// students but at most one ready.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { halfKey } from '../../core/pipeline/copies';
import { loadSources } from '../../core/pipeline/load-sources';
import { planStack } from '../../core/pipeline/plan-stack';
import { loadRoster } from '../../core/roster/load-roster';
import { HELD_OUT_FONTS } from '../../scripts/recognizer/training-fonts';
import { generateBatch } from '../generator/generate';
import { HELD_OUT_PRINTING } from '../generator/printing';
import type { GenerateOptions } from '../generator/types';
import { writeBatch } from '../generator/write-batch';
import { truthByHalf } from './truth-check';

const CASES: Pick<GenerateOptions, 'seed' | 'shape' | 'dpi' | 'printing' | 'upsideDown'>[] = [
  { seed: 33, shape: 'compact', dpi: 200, printing: 'ccyc', upsideDown: 1 },
  { seed: 34, shape: 'bilevel', dpi: 150, printing: HELD_OUT_PRINTING, upsideDown: 1 },
  { seed: 35, shape: 'jpeg', dpi: 150, printing: HELD_OUT_PRINTING },
  { seed: 36, shape: 'compact', dpi: 300, printing: HELD_OUT_PRINTING },
];

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('held-out handwriting', () => {
  it.each(CASES)(
    'seed $seed: printing $printing, $shape at $dpi dpi',
    { timeout: 400_000 },
    async (options) => {
      const dir = await mkdtemp(join(tmpdir(), 'korrigo-held-out-'));
      dirs.push(dir);
      const batch = await generateBatch({
        ...options,
        students: 3,
        present: 3,
        sheetsPerStudent: [1, 2],
        fonts: [...HELD_OUT_FONTS],
      });
      const written = await writeBatch(batch, dir);
      // The station's 20 s a side is for a station; on the shared test machine a side may wait for a core.
      const { copies } = await planStack(
        await loadSources(written.scans),
        (await loadRoster(written.roster)).students,
        { sideTimeLimitMs: 300_000 },
      );

      const byHalf = truthByHalf(batch.truth);
      const pageOf = new Map(batch.truth.pages.map((page) => [page.id, page]));
      const turned = new Set(batch.truth.sheets.filter((s) => s.upsideDown).flatMap((s) => s.pages));
      const placed: number[] = [];
      for (const copy of copies) {
        const ids = copy.pages.map((p) => byHalf.get(halfKey(p.file, p.source, p.half))!);
        placed.push(...ids);
        const owners = new Set(ids.map((id) => pageOf.get(id)?.student));
        expect(owners.size, `copy ${copy.id} mixes ${[...owners].join(', ')}`).toBe(1);
        if (copy.status === 'ready') expect(copy.student?.email).toBe([...owners][0]);
        else expect(copy.reasons.length).toBeGreaterThan(0);
        copy.pages.forEach((page, i) => expect(page.rotate).toBe(turned.has(ids[i]!) ? 180 : 0));
      }
      expect(placed.sort((a, b) => a - b)).toEqual([...byHalf.values()].sort((a, b) => a - b));

      const present = new Set(batch.truth.sheets.map((s) => s.student)).size;
      const ready = copies.filter((copy) => copy.status === 'ready');
      const reasons = copies.flatMap((copy) => copy.reasons);
      expect(new Set(ready.map((c) => c.student!.email)).size, reasons.join('; ')).toBeGreaterThanOrEqual(
        present - 1,
      );
    },
  );
});
