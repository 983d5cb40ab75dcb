// What the reader's thumbnails cost the reading: the desk benchmark's review batch (compact 150 dpi), its
// first sides read by the pool without and with thumbnails, in turns, in CPU seconds of the whole process
// (worker threads and sharp's threads included); and the thumbnails alone, made from sides rendered here.
// Run: npx tsx bench/side-thumbnails.bench.ts [--sides 16] [--turns 2]
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { READ_DPI, closeReadPools, readSides } from '../core/identify/read-sides';
import { openForRender } from '../core/pdf/render-page';
import { loadSources } from '../core/pipeline/load-sources';
import { classifyStack } from '../core/pipeline/stack';
import { makeSideThumbnails } from '../core/thumbnails/side-thumbnails';
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

  // The thumbnails alone, from sides rendered at the reading's resolution in this thread.
  // sharp's first encoding in a thread starts its codecs: made once before, not counted.
  const doc = await openForRender(sources[0]!.bytes);
  let alone = 0;
  for (const [i, side] of [sides[0]!, ...sides].entries()) {
    const rendered = await doc.render(side.source - 1, READ_DPI);
    const target = { dataDir: join(dir, `alone-${i}`), sha256: sources[0]!.sha256, page: side.source };
    const { cpu } = await cpuOf(() => makeSideThumbnails(rendered, 'a3', false, target));
    if (i > 0) alone += cpu;
  }
  await doc.close();
  console.log(`thumbnails alone (2 halves, shrink + WebP + write): CPU per side ${perSide(alone)}`);
} finally {
  await closeReadPools();
  await rm(dir, { recursive: true, force: true });
}
