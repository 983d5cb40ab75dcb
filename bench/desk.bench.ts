// The desk's costs through the station's API (the same calls the renderer makes, in process): time from a
// processed batch to its first thumbnail and to all of them (cold cache), and the latency of a decision
// and of its undo (recorded, applied, changed copy PDFs rewritten) as median and p95.
// Run: npx tsx bench/desk.bench.ts [--students 30] [--dpi 150] [--decisions 20]
// Not the browser-side figures the issue asks for (keystrokes, frame times): see the desk's E2E test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BatchDetail, Decision } from '../core/api/contract';
import { createStation } from '../core/station/station';
import { generateBatch } from '../test/generator/generate';
import { writeBatch } from '../test/generator/write-batch';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '30' },
    dpi: { type: 'string', default: '150' },
    decisions: { type: 'string', default: '20' },
  },
});

const dir = await mkdtemp(join(tmpdir(), 'korrigo-desk-bench-'));
const station = createStation({ dataDir: join(dir, 'data'), log: () => undefined, prefetchThumbnails: true });
const call = async <T>(name: string, args: unknown): Promise<T> => {
  const reply = await station.dispatch(name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.result as T;
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

try {
  const generated = await generateBatch({
    seed: 7,
    shape: 'compact',
    dpi: Number(values.dpi),
    students: Number(values.students),
    sheetsPerStudent: [1, 1],
    fonts: ['Comic Neue'],
  });
  const { scans, roster } = await writeBatch(generated, dir);
  let start = performance.now();
  const batch = await call<BatchDetail>('batches.process', { scans, roster });
  const processed = performance.now() - start;
  const { manifest } = batch;
  const pages = manifest.copies.flatMap((copy) => copy.pages);

  start = performance.now();
  const keyOf = (page: (typeof pages)[number]) => ({
    sha256: manifest.sources[page.file - 1]!.sha256,
    page: page.source,
    half: page.half,
    rotate: page.rotate,
  });
  await call('pages.thumbnail', keyOf(pages[0]!));
  const first = performance.now() - start;
  await Promise.all(pages.map((page) => call('pages.thumbnail', keyOf(page))));
  const all = performance.now() - start;

  const decide: number[] = [];
  const undo: number[] = [];
  const page = manifest.copies[0]!.pages[1]!;
  for (let i = 0; i < Number(values.decisions); i++) {
    const decision: Decision = { kind: 'rotate-page', page, rotate: 90 };
    start = performance.now();
    await call('copies.decide', { batchId: batch.batchId, decision });
    decide.push(performance.now() - start);
    start = performance.now();
    await call('copies.undo', { batchId: batch.batchId });
    undo.push(performance.now() - start);
  }
  decide.sort((a, b) => a - b);
  undo.sort((a, b) => a - b);

  const sides = new Set(pages.map((p) => `${p.file}:${p.source}`)).size;
  console.log(
    `${manifest.copies.length} copies, ${pages.length} pages on ${sides} A3 sides (compact, ${values.dpi} dpi)`,
  );
  console.log('measure                              | value');
  console.log(`batches.process                      | ${ms(processed)}`);
  console.log(`first thumbnail after processing     | ${ms(first)}`);
  console.log(
    `all ${String(pages.length).padEnd(3)} thumbnails (cold)           | ${ms(all)} (${ms(all / pages.length)} each)`,
  );
  console.log(
    `copies.decide (rotate) median / p95  | ${ms(percentile(decide, 0.5))} / ${ms(percentile(decide, 0.95))}`,
  );
  console.log(
    `copies.undo median / p95             | ${ms(percentile(undo, 0.5))} / ${ms(percentile(undo, 0.95))}`,
  );
} finally {
  station.close();
  await rm(dir, { recursive: true, force: true });
}
