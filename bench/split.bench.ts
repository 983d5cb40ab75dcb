// Split time and output size for a 60-A3-side batch at 300 dpi in each PDF shape the generator makes.
// Lossless splitting shares each side's images between its two halves, so the copies together should weigh
// what the scan weighs. Run: npm run bench:split [-- --dpi 300]
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { processBatch } from '../core/jobs/process-scans';
import { generateBatch } from '../test/generator/generate';
import { writeBatch } from '../test/generator/write-batch';
import type { PdfShape } from '../test/generator/types';

const { values } = parseArgs({ options: { dpi: { type: 'string', default: '300' } } });
const dpi = Number(values.dpi);
const SHAPES: PdfShape[] = ['jpeg', 'compact', 'bilevel'];
const mb = (bytes: number) => (bytes / 1e6).toFixed(2);

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

console.log(`60 A3 sides (30 sheets, 15 students x 2), ${dpi} dpi; times in ms`);
console.log(
  'shape    | input MB | KB/side | copies | output MB | out/in | load+classify | split+write | total',
);
for (const shape of SHAPES) {
  const dir = await mkdtemp(join(tmpdir(), 'korrigo-bench-'));
  try {
    const batch = await generateBatch({
      seed: 60,
      shape,
      dpi,
      students: 15,
      present: 15,
      sheetsPerStudent: [2, 2],
    });
    const { scans, roster } = await writeBatch(batch, dir);
    const input = batch.files.reduce((sum, file) => sum + file.bytes.length, 0);
    const sides = batch.truth.sides.length;

    let splitStart = 0;
    const start = performance.now();
    const manifest = await processBatch({
      scans,
      roster,
      outDir: join(dir, 'out'),
      onProgress: (e) => {
        if (e.stage === 'classify' && e.done === e.total) splitStart = performance.now();
      },
    });
    const end = performance.now();
    const output = await dirSize(join(dir, 'out', 'copies'));
    console.log(
      [
        shape.padEnd(8),
        mb(input).padStart(8),
        String(Math.round(input / sides / 1e3)).padStart(7),
        String(manifest.copies.length).padStart(6),
        mb(output).padStart(9),
        (output / input).toFixed(3).padStart(6),
        String(Math.round(splitStart - start)).padStart(13),
        String(Math.round(end - splitStart)).padStart(11),
        String(Math.round(end - start)).padStart(5),
      ].join(' | '),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
