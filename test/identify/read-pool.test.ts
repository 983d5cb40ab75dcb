// Sides read on worker threads: the same readings as reading them one by one in this thread, in stack
// order, through the job's cache; a side over its time limit or whose worker dies goes to review alone,
// and a worker that cannot start stops the run with the reason.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnnexPage } from '../../core/identify/annex/read-annex-page';
import { runOnPool, WorkerPool, type TaskOutcome } from '../../core/identify/pool/worker-pool';
import { readSide } from '../../core/identify/read-side';
import {
  closeReadPools,
  READ_DPI,
  readSides,
  readWorkersStarted,
  sideKey,
} from '../../core/identify/read-sides';
import { createRecognizer } from '../../core/identify/recognize/create-recognizer';
import type { SideReading } from '../../core/identify/types';
import { decodeOrRender, rgbaOf, wholePageImage } from '../../core/pdf/page-image';
import { readPageGeometry } from '../../core/pdf/page-geometry';
import { openForRender, type RenderDocument } from '../../core/pdf/render-page';
import type { LoadedSource } from '../../core/pdf/load-source';
import { loadSources } from '../../core/pipeline/load-sources';
import { classifyStack, type StackPage } from '../../core/pipeline/stack';
import { generateBatch } from '../generator/generate';
import { writeBatch } from '../generator/write-batch';

/**
 * What readSides did before it had workers: each side's pixels made here (a page of placed images composed
 * from them, any other rendered) and read, one after another.
 */
async function readOneByOne(sides: readonly StackPage[], sources: readonly LoadedSource[]) {
  const recognizer = await createRecognizer();
  const docs = new Map<number, RenderDocument>();
  const readings: SideReading[] = [];
  for (const side of sides) {
    const source = sources[side.file - 1]!;
    const node = source.doc.getPage(side.source - 1).node;
    const image = await decodeOrRender(wholePageImage(node, readPageGeometry(node)), READ_DPI, async () => {
      if (!docs.has(side.file)) docs.set(side.file, await openForRender(source.bytes));
      return docs.get(side.file)!.render(side.source - 1, READ_DPI);
    });
    // In RGBA, as they were read before a grey side was read grey.
    const read = side.layout === 'a3' ? readSide : readAnnexPage;
    readings.push(await read(rgbaOf(image), READ_DPI, recognizer));
  }
  await Promise.all([...docs.values()].map((doc) => doc.close()));
  return readings;
}

function mapCache(entries: [string, SideReading][] = []) {
  const held = new Map(entries);
  const puts: string[] = [];
  return {
    puts,
    get: (key: string) => held.get(key),
    put: (key: string, reading: SideReading) => {
      puts.push(key);
      held.set(key, reading);
    },
  };
}

describe('readSides', () => {
  let dir: string;
  let sources: LoadedSource[];
  let sides: StackPage[];
  let oneByOne: SideReading[];

  beforeAll(async () => {
    // Two files and an annex in its own file: several documents per worker, A4 pages read as annexes.
    const batch = await generateBatch({
      seed: 23,
      shape: 'compact',
      dpi: 150,
      students: 3,
      files: 2,
      annexes: { ownFile: 1 },
    });
    dir = await mkdtemp(join(tmpdir(), 'korrigo-read-pool-'));
    sources = await loadSources((await writeBatch(batch, dir)).scans);
    sides = classifyStack(sources);
    oneByOne = await readOneByOne(sides, sources);
  }, 300_000);
  afterAll(async () => {
    await closeReadPools();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const keyOf = (side: StackPage) => sideKey(sources[side.file - 1]!.sha256, side.source);

  it('reads every side exactly as one by one in this thread, in stack order, filling the cache', async () => {
    expect(new Set(sides.map((side) => side.layout))).toEqual(new Set(['a3', 'a4']));
    expect(oneByOne.filter((reading) => reading.header !== null).length).toBeGreaterThanOrEqual(4);
    const cache = mapCache();
    const counts: number[] = [];
    const readings = await readSides(sides, sources, {
      workers: 2,
      cache,
      onSide: (done, total) => counts.push(done, total),
    });
    expect(readings).toEqual(oneByOne);
    expect(cache.puts.sort()).toEqual(sides.map(keyOf).sort());
    expect(counts).toEqual(sides.flatMap((_, i) => [i + 1, sides.length]));
  });

  it('reads only the sides the cache does not hold, and counts the others as done, on the warm workers', async () => {
    const started = readWorkersStarted();
    expect(started).toBeGreaterThan(0);
    const held = { ...oneByOne[0]!, notes: ['from the cache'] };
    const cache = mapCache(sides.slice(0, -1).map((side, i) => [keyOf(side), i === 0 ? held : oneByOne[i]!]));
    const counts: number[] = [];
    const readings = await readSides(sides, sources, { cache, onSide: (done) => counts.push(done) });
    expect(readings[0]).toBe(held);
    expect(readings.slice(1)).toEqual(oneByOne.slice(1));
    expect(cache.puts).toEqual([keyOf(sides.at(-1)!)]);
    expect(counts).toEqual(sides.map((_, i) => i + 1));
    // The second batch of the process starts no worker: the first one's are kept warm.
    expect(readWorkersStarted()).toBe(started);
  });

  it('gives each side over the time limit to review, without failing the run', async () => {
    const cache = mapCache();
    const readings = await readSides(sides.slice(0, 2), sources, { workers: 1, timeLimitMs: 1, cache });
    for (const reading of readings) {
      expect(reading).toMatchObject({ role: 'unknown', notes: ['reading the side took over 0.001 s'] });
    }
    expect(cache.puts).toHaveLength(2);
  });

  it('stops with the reason when the workers cannot load the model, caching nothing', async () => {
    const resources = join(dir, 'damaged');
    await mkdir(join(resources, 'models'), { recursive: true });
    await writeFile(join(resources, 'models', 'cell-cnn.json'), '{ "not": "a model" }');
    const before = process.env.KORRIGO_RESOURCES_DIR;
    process.env.KORRIGO_RESOURCES_DIR = resources;
    const cache = mapCache();
    try {
      await expect(readSides(sides, sources, { cache })).rejects.toMatchObject({
        code: 'internal',
        message: expect.stringMatching(
          /^A worker thread could not start: The cell classifier model .* cannot/,
        ),
      });
    } finally {
      if (before === undefined) delete process.env.KORRIGO_RESOURCES_DIR;
      else process.env.KORRIGO_RESOURCES_DIR = before;
    }
    expect(cache.puts).toEqual([]);
  });
});

describe('runOnPool', () => {
  /** Upper-cases its input; hangs, throws or refuses on the words that say so. */
  const TOY_WORKER = `
    const { parentPort } = require('node:worker_threads');
    parentPort.on('message', (word) => {
      if (word === 'hang') for (;;);
      if (word === 'crash') throw new Error('boom');
      if (word === 'refuse') parentPort.postMessage({ type: 'failed', message: 'refused' });
      else parentPort.postMessage({ type: 'done', value: word.toUpperCase() });
    });
    parentPort.postMessage({ type: 'ready' });
  `;

  async function run(words: string[], code = TOY_WORKER, size = 2) {
    const started: Worker[] = [];
    const outcomes = new Map<string, TaskOutcome<string>>();
    const exits: Promise<unknown>[] = [];
    await runOnPool<string, string>(words, {
      size,
      start: () => {
        const worker = new Worker(code, { eval: true });
        exits.push(new Promise((resolve) => worker.once('exit', resolve)));
        started.push(worker);
        return worker;
      },
      timeLimitMs: 3_000,
      startLimitMs: 30_000,
      onOutcome: (index, outcome) => outcomes.set(words[index]!, outcome),
    }).finally(() => Promise.all(exits));
    return { started, outcomes };
  }

  it('ends a hung or crashed task alone and carries on with fresh workers, leaving none running', async () => {
    const { started, outcomes } = await run(
      ['a', 'hang', 'b', 'crash', 'c', 'refuse', 'd', 'e'],
      TOY_WORKER,
      1,
    );
    expect(Object.fromEntries(outcomes)).toEqual({
      a: { kind: 'done', value: 'A' },
      hang: { kind: 'timeout' },
      b: { kind: 'done', value: 'B' },
      crash: { kind: 'crashed', message: 'boom' },
      c: { kind: 'done', value: 'C' },
      refuse: { kind: 'failed', message: 'refused' },
      d: { kind: 'done', value: 'D' },
      e: { kind: 'done', value: 'E' },
    });
    // One worker, replaced after the hang and after the crash; a refusal is an answer, not a fault.
    expect(started).toHaveLength(3);
  });

  it('runs as many workers as asked, never more than tasks', async () => {
    expect((await run(['a', 'b', 'c', 'd'], TOY_WORKER, 3)).started).toHaveLength(3);
    expect((await run(['a'], TOY_WORKER, 4)).started).toHaveLength(1);
    expect((await run([], TOY_WORKER, 4)).started).toHaveLength(0);
  });

  it('stops with the reason when a worker cannot start, be prepared, or never says it is ready', async () => {
    await expect(run(['a', 'b', 'c'], `throw new Error('no model here')`)).rejects.toMatchObject({
      code: 'internal',
      message: 'A worker thread could not start: no model here',
    });
    await expect(
      runOnPool(['a'], {
        size: 1,
        start: () => new Worker(`setInterval(() => {}, 1000)`, { eval: true }),
        timeLimitMs: 1_000,
        startLimitMs: 200,
        onOutcome: () => {},
      }),
    ).rejects.toMatchObject({ message: 'A worker thread could not start: not ready within 0.2 s' });
    // Its code could not even be prepared (bundled from the sources).
    await expect(
      runOnPool(['a'], {
        size: 1,
        start: () => Promise.reject(new Error('esbuild: syntax error')),
        timeLimitMs: 1_000,
        startLimitMs: 200,
        onOutcome: () => {},
      }),
    ).rejects.toMatchObject({
      code: 'internal',
      message: 'A worker thread could not start: esbuild: syntax error',
    });
  });

  it('keeps its workers between runs, and ends them on close', async () => {
    const exits: Promise<unknown>[] = [];
    const pool = new WorkerPool<string>({
      start: () => {
        const worker = new Worker(TOY_WORKER, { eval: true });
        exits.push(new Promise((resolve) => worker.once('exit', resolve)));
        return worker;
      },
      startLimitMs: 30_000,
    });
    const values: string[] = [];
    const options = {
      size: 2,
      timeLimitMs: 3_000,
      onOutcome: (_: number, outcome: TaskOutcome<string>) =>
        values.push(outcome.kind === 'done' ? outcome.value : outcome.kind),
    };
    await pool.run(['a', 'b', 'c'], options);
    await pool.run(['d', 'e'], options);
    expect(values.sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(pool.started).toBe(2);
    await pool.close();
    await Promise.all(exits);
    // A run after close starts afresh.
    await pool.run(['f'], options);
    expect(pool.started).toBe(3);
    await pool.close();
  });

  it.runIf(process.platform === 'linux')(
    'counts a task in CPU time of its worker: waiting is not working, spinning is',
    async () => {
      // Says its OS thread as the reading worker does; 'wait' sleeps 1.5 s, 'spin' computes until stopped
      // (a CPU limit that never fired would still end it, after 10 times its limit in wall-clock time).
      const clocked = `
        const { parentPort } = require('node:worker_threads');
        const { readlinkSync } = require('node:fs');
        parentPort.on('message', (word) => {
          if (word === 'wait') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
          else for (;;);
          parentPort.postMessage({ type: 'done', value: word });
        });
        const thread = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
        parentPort.postMessage({ type: 'ready', thread });
      `;
      const outcomes = new Map<string, TaskOutcome<string>>();
      await runOnPool<string, string>(['wait', 'spin'], {
        size: 2,
        start: () => new Worker(clocked, { eval: true }),
        timeLimitMs: 500,
        startLimitMs: 30_000,
        onOutcome: (index, outcome) => outcomes.set(['wait', 'spin'][index]!, outcome),
      });
      expect(Object.fromEntries(outcomes)).toEqual({
        wait: { kind: 'done', value: 'wait' },
        spin: { kind: 'timeout' },
      });
    },
  );

  it.runIf(process.platform === 'linux')(
    'counts a start in CPU time once the worker says started: a slow start is not a stuck one',
    async () => {
      // Says its thread twice (as the reading worker does, before and after compiling), then sleeps
      // (`wait`) or computes (`spin`) before saying it is ready.
      const starting = (work: string) => `
        const { parentPort } = require('node:worker_threads');
        const { readlinkSync } = require('node:fs');
        const thread = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
        parentPort.postMessage({ type: 'started', thread });
        parentPort.postMessage({ type: 'started', thread });
        if (${JSON.stringify(work)} === 'wait') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
        else for (;;);
        parentPort.on('message', (word) => parentPort.postMessage({ type: 'done', value: word }));
        parentPort.postMessage({ type: 'ready', thread });
      `;
      const start = (work: string) => (onOutcome: (index: number, outcome: TaskOutcome<string>) => void) =>
        runOnPool<string, string>(['a'], {
          size: 1,
          start: () => new Worker(starting(work), { eval: true }),
          timeLimitMs: 1_000,
          startLimitMs: 500,
          onOutcome,
        });
      const outcomes: TaskOutcome<string>[] = [];
      await start('wait')((_, outcome) => outcomes.push(outcome));
      expect(outcomes).toEqual([{ kind: 'done', value: 'a' }]);
      await expect(start('spin')(() => {})).rejects.toMatchObject({
        message: 'A worker thread could not start: not ready within 0.5 s of CPU time',
      });
    },
  );
});
