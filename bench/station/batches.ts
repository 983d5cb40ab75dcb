// The benchmark's generated batches, cached outside git and rebuilt from their seeds: a batch is kept under
// a key naming its options and a hash of the generator's sources, so a changed generator rebuilds it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateBatch } from '../../test/generator/generate';
import type { GenerateOptions, PdfShape } from '../../test/generator/types';
import { writeBatch } from '../../test/generator/write-batch';

export interface BenchBatch {
  name: string;
  shape: PdfShape;
  dpi: number;
  students: number;
  sheetsPerStudent: number;
  seed: number;
}

export interface CachedBatch extends BenchBatch {
  dir: string;
  scans: string[];
  roster: string;
  sides: number;
  bytes: number;
}

export const CACHE_DIR = process.env.KORRIGO_BENCH_CACHE ?? join(homedir(), '.cache', 'korrigo-bench');
const GENERATOR_DIR = new URL('../../test/generator/', import.meta.url).pathname;

export async function generatorHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(GENERATOR_DIR)).filter((n) => n.endsWith('.ts')).sort()) {
    hash.update(name).update(await readFile(join(GENERATOR_DIR, name)));
  }
  return hash.digest('hex').slice(0, 10);
}

/** Every student present with the same number of sheets, one file: the batch size is exact. */
function options(batch: BenchBatch): GenerateOptions {
  return {
    seed: batch.seed,
    shape: batch.shape,
    dpi: batch.dpi,
    students: batch.students,
    present: batch.students,
    sheetsPerStudent: [batch.sheetsPerStudent, batch.sheetsPerStudent],
  };
}

export async function cachedBatch(batch: BenchBatch, log: (line: string) => void): Promise<CachedBatch> {
  const key = `${batch.shape}-${batch.dpi}dpi-${batch.students}x${batch.sheetsPerStudent}-seed${batch.seed}`;
  const dir = join(CACHE_DIR, `${key}-${await generatorHash()}`);
  const done = join(dir, 'batch.json');
  if (!existsSync(done)) {
    log(`generating ${key} into ${dir} (once; cached)`);
    const building = `${dir}.building-${process.pid}`;
    await rm(building, { recursive: true, force: true });
    await mkdir(building, { recursive: true });
    const generated = await generateBatch(options(batch));
    await writeBatch(generated, building);
    const described = {
      files: generated.files.map((file) => file.name),
      sides: generated.truth.sides.length,
      bytes: generated.files.reduce((sum, file) => sum + file.bytes.length, 0),
    };
    await writeFile(join(building, 'batch.json'), JSON.stringify(described));
    await rm(dir, { recursive: true, force: true });
    await rename(building, dir);
  }
  const described = JSON.parse(await readFile(done, 'utf8')) as {
    files: string[];
    sides: number;
    bytes: number;
  };
  return {
    ...batch,
    dir,
    scans: described.files.map((file) => join(dir, file)),
    roster: join(dir, 'eleves.csv'),
    sides: described.sides,
    bytes: described.bytes,
  };
}
