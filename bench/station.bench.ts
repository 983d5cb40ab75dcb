// The station's speed on generated batches, with the anchors it is measured against, in one run:
//   pdftoppm -r 150 -gray  rasterising every page once (what merely looking at every page costs),
//   mutool poster -x 2     cutting every page in two (the floor for a lossless split), a whole process,
//   the station's split like for like ("split files": each scan parsed, each recto and verso cut into a
//   4-page copy and written, CPU in its process once its modules are loaded), and the station without
//   identification ("no-identify": processBatch opening and checking the scans, copies, manifest and store).
// Each measured run of the station is a process of its own (peak RSS is the process's). The table gives the
// median of --runs runs; anchors and station runs alternate so they share the machine's load.
// Run: npm run bench [-- --quick] [--runs 3] [--batches jpeg,compact,bilevel,big] [--light]
// Batches are generated once into ~/.cache/korrigo-bench (or $KORRIGO_BENCH_CACHE) and reused.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, parseArgs } from 'node:util';
import { cachedBatch, CACHE_DIR, type BenchBatch, type CachedBatch } from './station/batches';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    batches: { type: 'string', default: 'jpeg,compact,bilevel,big' },
    /** End to end once per run (no second batch in the same process) and no stage-by-stage run: for a loaded machine. */
    light: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const runs = Number(values.runs ?? (quick ? 1 : 3));
const wanted = new Set(values.batches.split(','));
const light = values.light;

const BATCHES: BenchBatch[] = quick
  ? [
      { name: 'jpeg', shape: 'jpeg', dpi: 200, students: 6, sheetsPerStudent: 1, seed: 1900 },
      { name: 'compact', shape: 'compact', dpi: 200, students: 6, sheetsPerStudent: 1, seed: 1900 },
      { name: 'bilevel', shape: 'bilevel', dpi: 200, students: 6, sheetsPerStudent: 1, seed: 1900 },
      { name: 'big', shape: 'compact', dpi: 200, students: 20, sheetsPerStudent: 2, seed: 1900 },
    ]
  : [
      { name: 'jpeg', shape: 'jpeg', dpi: 300, students: 30, sheetsPerStudent: 1, seed: 1900 },
      { name: 'compact', shape: 'compact', dpi: 300, students: 30, sheetsPerStudent: 1, seed: 1900 },
      { name: 'bilevel', shape: 'bilevel', dpi: 300, students: 30, sheetsPerStudent: 1, seed: 1900 },
      { name: 'big', shape: 'compact', dpi: 200, students: 100, sheetsPerStudent: 2, seed: 1900 },
    ];

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Timing {
  wall: number;
  /** User + system CPU seconds of the command (GNU time), which the machine's load does not inflate. */
  cpu: number;
}

async function timed(command: string, args: string[]): Promise<Timing> {
  const start = performance.now();
  const { stderr } = await run('/usr/bin/time', ['-f', 'cpu %U %S', command, ...args], {
    maxBuffer: 1 << 26,
  });
  const [, user, system] = stderr.trim().split('\n').at(-1)!.split(' ');
  return { wall: (performance.now() - start) / 1000, cpu: Number(user) + Number(system) };
}

const add = (a: Timing, b: Timing): Timing => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });

async function pdftoppm(batch: CachedBatch): Promise<Timing> {
  const dir = await mkdtemp(join(tmpdir(), 'korrigo-bench-ppm-'));
  try {
    let total = { wall: 0, cpu: 0 };
    for (const scan of batch.scans)
      total = add(total, await timed('pdftoppm', ['-r', '150', '-gray', scan, join(dir, 'p')]));
    return total;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function poster(batch: CachedBatch): Promise<Timing> {
  const dir = await mkdtemp(join(tmpdir(), 'korrigo-bench-poster-'));
  try {
    let total = { wall: 0, cpu: 0 };
    for (const scan of batch.scans)
      total = add(total, await timed('mutool', ['poster', '-x', '2', scan, join(dir, 'out.pdf')]));
    return total;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const RUN_ONCE = new URL('./station/run-once.ts', import.meta.url).pathname;

async function station(mode: string, batch: CachedBatch): Promise<Record<string, unknown>> {
  const out = await mkdtemp(join(tmpdir(), 'korrigo-bench-out-'));
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', RUN_ONCE, mode, out, batch.roster, ...batch.scans],
    // As bin/korrigo-station.mjs starts the CLI (glibc reads it at process start).
    { maxBuffer: 1 << 26, env: { ...process.env, MALLOC_ARENA_MAX: '2' } },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

const f = (x: number | undefined, digits = 2) => (x === undefined ? '–' : x.toFixed(digits));
const log = (line: string) => console.log(line);

log(
  `korrigo-station bench — ${quick ? 'quick' : 'full'}${light ? ', light' : ''}, median of ${runs} run(s); ${availableParallelism()} cores, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at start; batches cached in ${CACHE_DIR}`,
);
const batches: CachedBatch[] = [];
for (const batch of BATCHES.filter((b) => wanted.has(b.name))) batches.push(await cachedBatch(batch, log));

interface Row {
  batch: CachedBatch;
  e2e: Timing[];
  warm: Timing[];
  rss: number[];
  workers: number;
  /** Workers each batch of the end-to-end process started (first, second). */
  started: number[];
  ppm: Timing[];
  poster: Timing[];
  split: Timing[];
  splitFiles: Timing[];
  stages: Record<string, number>[];
  perSide: Record<string, number>[];
}
const rows: Row[] = [];
for (const batch of batches) {
  const big = batch.name === 'big';
  const row: Row = {
    batch,
    e2e: [],
    warm: [],
    rss: [],
    workers: 0,
    started: [],
    ppm: [],
    poster: [],
    split: [],
    splitFiles: [],
    stages: [],
    perSide: [],
  };
  for (let k = 0; k < (big ? 1 : runs); k++) {
    row.ppm.push(await pdftoppm(batch));
    const e2e = await station(big || light ? 'end-to-end-once' : 'end-to-end', batch);
    row.e2e.push({ wall: e2e.first as number, cpu: e2e.cpu as number });
    if (e2e.second !== undefined) row.warm.push({ wall: e2e.second as number, cpu: e2e.secondCpu as number });
    row.rss.push(e2e.peakRssMb as number);
    row.workers = e2e.workers as number;
    row.started = (e2e.started as number[] | undefined) ?? [];
    row.poster.push(await poster(batch));
    const split = await station('split', batch);
    row.split.push({ wall: split.first as number, cpu: split.cpu as number });
    const files = await station('split-files', batch);
    row.splitFiles.push({ wall: files.first as number, cpu: files.cpu as number });
    if (!big && !light) {
      const staged = await station('stages', batch);
      row.stages.push(staged.times as Record<string, number>);
      row.perSide.push(staged.perSide as Record<string, number>);
    }
  }
  rows.push(row);
  log(`  ${batch.name}: done (${row.e2e.map((s) => f(s.wall)).join(', ')} s end to end)`);
  // Each batch's row as soon as it is measured, so a run cut short still leaves its numbers.
  log(`  ${line(row)}`);
  log(`  ${cpuLine(row)}`);
}

log('');
log(
  'batch    | shape   | dpi | sides |    MB | end to end s | 2nd batch s | sides/s | peak RSS MB | workers (started 1st/2nd) | pdftoppm -r150 -gray s | e2e/pdftoppm | no-identify s | mutool poster s | no-identify/poster',
);
for (const row of rows) log(line(row));
log('');
log(
  'the same runs in CPU seconds (user + system, every thread of the process): what a loaded machine does not inflate',
);
log(
  'batch    | end to end CPU s | 2nd batch CPU s | pdftoppm CPU s | e2e/pdftoppm CPU | no-identify CPU s | mutool poster CPU s | no-identify/poster CPU | split files CPU s | split files/poster CPU',
);
for (const row of rows) log(cpuLine(row));

function medians(row: Row, clock: keyof Timing) {
  const of = (timings: Timing[]) => median(timings.map((t) => t[clock]));
  return {
    e2e: of(row.e2e),
    warm: row.warm.length ? of(row.warm) : undefined,
    split: of(row.split),
    files: of(row.splitFiles),
    ppm: of(row.ppm),
    post: of(row.poster),
  };
}

function cpuLine(row: Row): string {
  const { e2e, warm, split, files, ppm, post } = medians(row, 'cpu');
  return [
    row.batch.name.padEnd(8),
    f(e2e).padStart(16),
    f(warm).padStart(15),
    f(ppm).padStart(14),
    f(e2e / ppm).padStart(16),
    f(split).padStart(17),
    f(post).padStart(19),
    f(split / post).padStart(22),
    f(files).padStart(17),
    f(files / post).padStart(22),
  ].join(' | ');
}

function line(row: Row): string {
  const { batch } = row;
  const { e2e, warm, split, ppm, post } = medians(row, 'wall');
  return [
    batch.name.padEnd(8),
    batch.shape.padEnd(7),
    String(batch.dpi).padStart(3),
    String(batch.sides).padStart(5),
    f(batch.bytes / 1e6, 1).padStart(5),
    f(e2e).padStart(12),
    f(warm).padStart(11),
    f(batch.sides / e2e, 1).padStart(7),
    f(Math.max(...row.rss), 0).padStart(11),
    `${row.workers} (${row.started.join('/') || '–'})`.padStart(25),
    f(ppm).padStart(22),
    f(e2e / ppm).padStart(12),
    f(split).padStart(13),
    f(post).padStart(15),
    f(split / post).padStart(18),
  ].join(' | ');
}
log('');
log('stages (s, median; "read sides" on the worker pool; per side: ms in one thread over a sample of sides)');
const stageNames = [...new Set(rows.flatMap((row) => row.stages.flatMap((s) => Object.keys(s))))];
log(['batch   ', ...stageNames, 'side: pixels ms', 'side: locate ms', 'side: recognise ms'].join(' | '));
for (const row of rows.filter((r) => r.stages.length > 0)) {
  log(
    [
      row.batch.name.padEnd(8),
      ...stageNames.map((name) => f(median(row.stages.map((s) => s[name] ?? 0))).padStart(name.length)),
      f(median(row.perSide.map((p) => p.pixelsMs!)), 0).padStart(15),
      f(median(row.perSide.map((p) => p.locateMs!)), 0).padStart(15),
      f(median(row.perSide.map((p) => p.recogniseMs!)), 0).padStart(18),
    ].join(' | '),
  );
}
log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the end`,
);
