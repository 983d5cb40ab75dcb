// Measures what the issue asks: import + processing of a 60-A3-side batch with the store, and the size of
// the database. Not a test (no assertion): run it by hand and report its numbers with the machine.
// Usage: node --import tsx test/jobs/measure-store-import.ts [dpi] [shape]
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processInto } from '../../core/jobs/process-scans';
import { processBatch } from '../../core/jobs/process-scans';
import { openStore } from '../../core/store/open-store';
import { generateBatch } from '../generator/generate';
import type { PdfShape } from '../generator/types';

const dpi = Number(process.argv[2] ?? 200);
const shape = (process.argv[3] ?? 'compact') as PdfShape;
const dir = await mkdtemp(join(tmpdir(), 'korrigo-measure-'));
try {
  // 30 students, one sheet each: 30 sheets, 60 A3 sides, in two scanner files.
  const batch = await generateBatch({
    seed: 4,
    shape,
    dpi,
    students: 30,
    present: 30,
    sheetsPerStudent: [1, 1],
    files: 2,
  });
  const scans: string[] = [];
  for (const file of batch.files) {
    scans.push(join(dir, file.name));
    await writeFile(join(dir, file.name), file.bytes);
  }
  await writeFile(join(dir, 'eleves.csv'), batch.roster.csvUtf8);
  const scanBytes = batch.files.reduce((sum, file) => sum + file.bytes.length, 0);

  const plainStart = performance.now();
  await processBatch({ scans, roster: join(dir, 'eleves.csv'), outDir: join(dir, 'plain') });
  const plain = performance.now() - plainStart;

  const store = openStore(join(dir, 'station', 'station.sqlite'));
  const started = performance.now();
  const { manifest } = await processInto(store, {
    scans,
    roster: join(dir, 'eleves.csv'),
    outDir: join(dir, 'out'),
  });
  const first = performance.now() - started;
  const again = performance.now();
  await processInto(store, { scans, roster: join(dir, 'eleves.csv'), outDir: join(dir, 'out') });
  const second = performance.now() - again;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();

  const size = async (name: string) =>
    (await stat(join(dir, 'station', name)).catch(() => ({ size: 0 }))).size;
  const stored = await readdir(join(dir, 'station', 'scans'));
  const pages = manifest.sources.reduce((sum, source) => sum + source.pages, 0);
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  console.log(`${shape} ${dpi} dpi: ${pages} A3 sides in ${scans.length} files, ${kb(scanBytes)} of scans`);
  console.log(`import + process with the store: ${Math.round(first)} ms (${manifest.copies.length} copies)`);
  console.log(`process without the store, for comparison: ${Math.round(plain)} ms`);
  console.log(`same command again (all checkpoints found): ${Math.round(second)} ms`);
  console.log(
    `database: ${kb(await size('station.sqlite'))} (WAL checkpointed), scans folder: ${stored.length} files`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
