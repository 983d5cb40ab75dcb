// What the reader's thumbnails cost the reading: the desk benchmark's review batch (compact 150 dpi), its
// first sides read by the pool without and with thumbnails, in turns, in CPU seconds of the whole process
// (worker threads and sharp's threads included); the thumbnails alone, made from sides rendered here; and
// what the cache spends making the same thumbnails from the scan, which they spare.
// Run: npx tsx bench/side-thumbnails.bench.ts [--sides 16] [--turns 2]
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { READ_DPI, closeReadPools, readSides } from '../core/identify/read-sides';
import { openForRender } from '../core/pdf/render-page';
import { loadSources } from '../core/pipeline/load-sources';
import { classifyStack } from '../core/pipeline/stack';
import { makeSideThumbnails } from '../core/thumbnails/side-thumbnails';
import { createMaker } from '../core/thumbnails/thumbnail-maker';
import { scanPath } from '../core/store/scan-files';
import { REVIEW_BATCH, screenBatch } from './desk/screen-batches';

const { values } = parseArgs({
  options: { sides: { type: 'string', default: '16' }, turns: { type: 'string', default: '2' } },
});
const log = (line: string) => console.error(`[side-thumbnails] ${line}`);
const review = await screenBatch('review', REVIEW_BATCH, log);
const sources = await loadSources(review.scans);
const sides = classifyStack(sources).slice(0, Number(values.sides));
const dir = await mkdtemp(join(tmpdir(), 'korrigo-side-thumbnails-'));

const cpuOf = async (run: () => Promise<unknown>) => {
  const [wall, cpu] = [performance.now(), process.cpuUsage()];
  await run();
  const { user, system } = process.cpuUsage(cpu);
  return { cpu: (user + system) / 1e3, wall: performance.now() - wall };
};
const perSide = (ms: number) => `${(ms / sides.length).toFixed(0)} ms`;

try {
  console.log(
    `${sides.length} A3 sides (compact 150 dpi) read at ${READ_DPI} dpi; load ${loadavg()[0]!.toFixed(1)}`,
  );
  // The pool's workers start (compile, load the model) once, not in a measured run.
  await readSides(sides.slice(0, 2), sources);
  const runs: Record<'without' | 'with', { cpu: number; wall: number }[]> = { without: [], with: [] };
  for (let turn = 0; turn < Number(values.turns); turn++) {
    runs.without.push(await cpuOf(() => readSides(sides, sources)));
    const dataDir = join(dir, `data-${turn}`);
    runs.with.push(await cpuOf(() => readSides(sides, sources, { thumbnails: { dataDir } })));
    const made = (await readdir(join(dataDir, 'thumbs'), { recursive: true })).filter((name) =>
      name.endsWith('.webp'),
    );
    if (turn === 0) console.log(`thumbnails made by the reading: ${made.length} for ${sides.length} sides`);
  }
  for (const [what, list] of Object.entries(runs)) {
    const cpu = list.map((run) => perSide(run.cpu)).join(', ');
    const wall = list.map((run) => perSide(run.wall)).join(', ');
    console.log(`reading ${what.padEnd(7)} thumbnails: CPU per side ${cpu}; wall per side ${wall}`);
  }

  // The thumbnails alone, from sides rendered at the reading's resolution in this thread (median per side:
  // the 17 MB renderings' garbage is collected now and then, in whichever side's time).
  // sharp's first encoding in a thread starts its codecs: made once before, not counted.
  const doc = await openForRender(sources[0]!.bytes);
  const alone: number[] = [];
  for (const [i, side] of [sides[0]!, ...sides].entries()) {
    const rendered = await doc.render(side.source - 1, READ_DPI);
    const target = { dataDir: join(dir, `alone-${i}`), sha256: sources[0]!.sha256, page: side.source };
    const { cpu } = await cpuOf(() => makeSideThumbnails(rendered, 'a3', false, target));
    if (i > 0) alone.push(cpu);
  }
  await doc.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const total = alone.reduce((sum, value) => sum + value, 0);
  console.log(
    `reader's thumbnails alone (2 halves, shrink + WebP + write): CPU per side median ` +
      `${median(alone).toFixed(0)} ms, mean ${perSide(total)}`,
  );

  // What they spare: the cache making the same two halves of each side from the scan.
  const scansDir = join(dir, 'scans');
  await mkdir(scansDir, { recursive: true });
  await writeFile(scanPath(scansDir, sources[0]!.sha256), sources[0]!.bytes);
  const maker = createMaker(scansDir);
  const cached: number[] = [];
  for (const [i, side] of [sides[0]!, ...sides].entries()) {
    const key = { sha256: sources[0]!.sha256, page: side.source, rotate: 0 as const };
    const { cpu } = await cpuOf(async () => {
      for (const half of ['left', 'right'] as const)
        await maker.make({ ...key, half }, join(dir, `cache-${i}`, `${half}.webp`));
    });
    if (i > 0) cached.push(cpu);
  }
  await maker.close();
  console.log(
    `the cache making the same thumbnails from the scan: CPU per side median ${median(cached).toFixed(0)} ms`,
  );
} finally {
  await closeReadPools();
  await rm(dir, { recursive: true, force: true });
}
