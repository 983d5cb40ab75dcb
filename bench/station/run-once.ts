// One measured run of the station on one batch, in a process of its own so its peak RSS is its own. Prints
// one JSON line. Modes:
//   end-to-end  processBatch as `korrigo-station process` runs it, twice in this process (the second batch
//               shows what a warm session pays); end-to-end-once: once, as the CLI's `process` runs it
//               (its reading workers end when the sides are read);
//   stages      the same work stage by stage, each timed apart, plus render / locate / recognise per side
//               over a sample of sides read in this thread;
//   split       processBatch without identification (opening and checking the scans, pairing, copies, store);
//   split-files the split like for like with `mutool poster -x 2`: each scan parsed, each pair of A3 sides cut
//               into one 4-page copy PDF and written, timed in this process once its modules are loaded (a
//               native program pays no such start-up); no hashes, page checks, manifest or store.
// Run by bench/station.bench.ts: tsx bench/station/run-once.ts <mode> <out dir> <roster> <scan>...
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { importBatch } from '../../core/jobs/import-batch';
import { readPageGeometry } from '../../core/pdf/page-geometry';
import { parsePdfQuietly } from '../../core/pdf/parse-pdf';
import { buildCopyPdf, type CopyPageSource } from '../../core/pdf/split';
import { copyPageSources } from '../../core/pipeline/copy-pdf';
import { identifyStudents } from '../../core/pipeline/identify-stage';
import { checkInvariants } from '../../core/pipeline/invariants';
import { describeSource, loadSources } from '../../core/pipeline/load-sources';
import { writeFileAtomic } from '../../core/pipeline/output-dir';
import { processBatch } from '../../core/jobs/process-scans';
import { classifyStack, indexStack } from '../../core/pipeline/stack';
import { loadRoster } from '../../core/roster/load-roster';
import { openStore } from '../../core/store/open-store';
import { readOneBatchOnly, readSides, readWorkersStarted, sideKey } from '../../core/identify/read-sides';
import type { SideReading } from '../../core/identify/types';
import { sampleSides } from './side-parts';

const [mode, outDir, roster, ...scans] = process.argv.slice(2);
if (!mode || !outDir || !roster || scans.length === 0)
  throw new Error('usage: run-once <mode> <out> <roster> <scan>…');

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const seconds = (since: number) => (performance.now() - since) / 1000;
/** CPU time of the whole process (every thread) since `since`, in seconds: what the load does not inflate. */
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function endToEnd(identify: boolean, batches: number) {
  const runs: number[] = [];
  const cpu: number[] = [];
  const started: number[] = [];
  for (let k = 1; k <= batches; k++) {
    const out = join(outDir!, `e2e-${k}`);
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await processBatch({ scans, roster: roster!, outDir: out, identify });
    runs.push(seconds(start));
    cpu.push(cpuSeconds(startCpu));
    started.push(readWorkersStarted() - started.reduce((a, b) => a + b, 0));
    await rm(out, { recursive: true, force: true });
  }
  // Workers started by each batch: a warm second batch starts none.
  return {
    first: runs[0],
    cpu: cpu[0],
    started,
    ...(runs.length > 1 ? { second: runs[1], secondCpu: cpu[1] } : {}),
  };
}

async function stages() {
  const times: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    times[name] = seconds(t);
    t = performance.now();
  };
  const { students } = await loadRoster(roster!);
  const sources = await loadSources(scans);
  lap('open/check');
  const stack = classifyStack(sources);
  lap('classify');
  const sides = stack.filter((page) => page.layout === 'a3' || !page.unusual);
  const readings = await readSides(sides, sources);
  lap('read sides');
  // What follows the reading, timed on its own: the readings come from a cache, as in a resumed job.
  const cache = new Map(
    sides.map((side, i) => [sideKey(sources[side.file - 1]!.sha256, side.source), readings[i]!]),
  );
  const cached = {
    get: (key: string) => cache.get(key),
    put: (key: string, r: SideReading) => void cache.set(key, r),
  };
  const identified = await identifyStudents(stack, sources, students, { sideReadings: cached });
  lap('pair/match/segment');
  const manifestSources = sources.map(describeSource);
  checkInvariants(manifestSources, stack, identified.copies, identified.rescans);
  lap('check invariants');
  const byPage = indexStack(stack);
  const pdfs: Uint8Array[] = [];
  for (const copy of identified.copies) pdfs.push(await buildCopyPdf(copyPageSources(copy, sources, byPage)));
  lap('split');
  await mkdir(join(outDir!, 'copies'), { recursive: true });
  for (const [i, copy] of identified.copies.entries())
    await writeFileAtomic(join(outDir!, copy.file), pdfs[i]!);
  lap('write copies');
  const store = openStore(join(outDir!, 'store', 'station.sqlite'));
  await importBatch(store, { scans, roster: roster! });
  store.close();
  lap('store (import, re-checks the scans)');
  const perSide = await sampleSides(sources, sides, 8);
  return { times, perSide, copies: identified.copies.length };
}

async function splitFiles() {
  const start = performance.now();
  const startCpu = process.cpuUsage();
  let copies = 0;
  let parseCpu = 0;
  for (const scan of scans) {
    const parseStart = process.cpuUsage();
    const doc = await parsePdfQuietly(await readFile(scan));
    parseCpu += cpuSeconds(parseStart);
    const page = (index: number, half: 'left' | 'right'): CopyPageSource => ({
      doc,
      index,
      half,
      geometry: readPageGeometry(doc.getPage(index).node),
      rotate: 0,
    });
    // A recto [P4 | P1] and its verso [P2 | P3] make a copy P1..P4.
    for (let recto = 0; recto + 1 < doc.getPageCount(); recto += 2) {
      const verso = recto + 1;
      const pdf = await buildCopyPdf([
        page(recto, 'right'),
        page(verso, 'left'),
        page(verso, 'right'),
        page(recto, 'left'),
      ]);
      await writeFile(join(outDir!, `copy-${++copies}.pdf`), pdf);
    }
  }
  return { first: seconds(start), cpu: cpuSeconds(startCpu), parseCpu, copies };
}

await mkdir(outDir, { recursive: true });
try {
  const workers = availableParallelism();
  const result =
    mode === 'end-to-end'
      ? await endToEnd(true, 2)
      : mode === 'end-to-end-once'
        ? (readOneBatchOnly(), await endToEnd(true, 1))
        : mode === 'split'
          ? await endToEnd(false, 1)
          : mode === 'split-files'
            ? await splitFiles()
            : mode === 'stages'
              ? await stages()
              : undefined;
  if (!result) throw new Error(`unknown mode ${mode}`);
  console.log(JSON.stringify({ mode, workers, peakRssMb: peakRssMb(), ...result }));
} finally {
  await rm(outDir, { recursive: true, force: true });
}
