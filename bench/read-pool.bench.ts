// The reading stage on worker threads against reading one side after another in this thread (what it did
// before the pool), on one generated batch of A3 sides. Seconds per side for each, worker startup included
// in the pool's time, and the ratio; the readings must be the same either way. The cores each run kept busy
// (CPU time over wall time) tell a machine too loaded to give the pool its cores from a slow pool.
// Run: npx tsx bench/read-pool.bench.ts [--sides 30] [--shape compact] [--dpi 150] [--workers <cores>]
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { readSide } from '../core/identify/read-side';
import { READ_DPI, readSides } from '../core/identify/read-sides';
import { createRecognizer } from '../core/identify/recognize/create-recognizer';
import type { SideReading } from '../core/identify/types';
import { openForRender } from '../core/pdf/render-page';
import { loadSources } from '../core/pipeline/load-sources';
import { classifyStack } from '../core/pipeline/stack';
import { generateBatch } from '../test/generator/generate';
import type { PdfShape } from '../test/generator/types';
import { writeBatch } from '../test/generator/write-batch';

const { values } = parseArgs({
  options: {
    sides: { type: 'string', default: '30' },
    shape: { type: 'string', default: 'compact' },
    dpi: { type: 'string', default: '150' },
    workers: { type: 'string', default: String(availableParallelism()) },
  },
});
const sheets = Math.ceil(Number(values.sides) / 2);
const workers = Number(values.workers);

const dir = await mkdtemp(join(tmpdir(), 'korrigo-read-pool-'));
try {
  // One sheet per student, every student present: exactly `sheets` sheets, two sides each.
  const batch = await generateBatch({
    seed: 77,
    shape: values.shape as PdfShape,
    dpi: Number(values.dpi),
    students: sheets,
    present: sheets,
    sheetsPerStudent: [1, 1],
  });
  const sources = await loadSources((await writeBatch(batch, dir)).scans);
  const sides = classifyStack(sources);
  console.log(
    `${sides.length} A3 sides (${values.shape}, ${values.dpi} dpi), read at ${READ_DPI} dpi; ` +
      `${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(2)} before the runs`,
  );

  const measure = async <T>(run: () => Promise<T>) => {
    const [wall, cpu] = [performance.now(), process.cpuUsage()];
    const result = await run();
    const { user, system } = process.cpuUsage(cpu);
    const seconds = (performance.now() - wall) / 1000;
    return { result, seconds, cores: (user + system) / 1e6 / seconds };
  };
  const sequential = await measure(async () => {
    const recognizer = await createRecognizer();
    const doc = await openForRender(sources[0]!.bytes);
    const readings: SideReading[] = [];
    for (const side of sides) {
      readings.push(await readSide(await doc.render(side.source - 1, READ_DPI), READ_DPI, recognizer));
    }
    await doc.close();
    return readings;
  });
  const pool = await measure(() => readSides(sides, sources, { workers }));

  const line = (what: string, run: { seconds: number; cores: number }) =>
    console.log(
      `${what.padEnd(26)} ${(run.seconds / sides.length).toFixed(3)} s/side ` +
        `(${run.seconds.toFixed(1)} s, ${run.cores.toFixed(2)} cores busy)`,
    );
  line('one by one in this thread:', sequential);
  line(`pool of ${workers} workers:`, pool);
  const same = isDeepStrictEqual(pool.result, sequential.result);
  console.log(`speed-up ×${(sequential.seconds / pool.seconds).toFixed(2)}; same readings: ${same}`);
  if (!same) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
