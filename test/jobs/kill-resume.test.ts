// The crash test of the issue: the real process, SIGKILLed at several points of a run, then run again:
// the batch completes with the same manifest and the same copy bytes as a run never interrupted, and
// nothing is left twice (no second batch, job, scan or copy, no temporary file).
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noiseJpeg, sheetSides } from '../pipeline/fixtures';
import { useTempDir } from '../pipeline/temp-dir';
import { writeRoster, writeScan } from '../store/store-fixture';
import { jobDone, outcome, runEntry, type Kill, type Run } from './kill-harness';

const INPUTS = ['eleves.csv', 'SKM1.pdf', 'SKM2.pdf'];
const tempDir = useTempDir();
const run = (dir: string, kill?: Kill) => runEntry(dir, ['SKM1.pdf', 'SKM2.pdf'], kill);

describe('kill -9 during processing, then the same command again', () => {
  let inputs: string;
  let fullRun: Run;
  let expected: Awaited<ReturnType<typeof outcome>>;

  /** A fresh folder holding the same scans and roster, byte for byte. */
  async function freshDir(name: string): Promise<string> {
    const dir = join(tempDir(), name);
    await mkdir(dir);
    for (const input of INPUTS) await copyFile(join(inputs, input), join(dir, input));
    return dir;
  }

  beforeAll(async () => {
    // 8 sheets over two files (the recto of sheet 4 ends SKM1), with raster content like a copier's.
    inputs = await mkdtemp(join(tmpdir(), 'korrigo-kill-'));
    const sides = sheetSides(8, { rotate: 270, raster: { jpeg: await noiseJpeg(120, 84), masks: 6 } });
    await writeRoster(inputs);
    await writeScan(inputs, 'SKM1.pdf', sides.slice(0, 7));
    await writeScan(inputs, 'SKM2.pdf', sides.slice(7));
    const reference = join(inputs, 'uninterrupted');
    await mkdir(reference);
    for (const input of INPUTS) await copyFile(join(inputs, input), join(reference, input));
    fullRun = await run(reference);
    expected = await outcome(reference);
  });

  afterAll(async () => {
    await rm(inputs, { recursive: true, force: true });
  });

  it('is compared with an uninterrupted run of the same scans', () => {
    expect(fullRun.code).toBe(0);
    // load 2 + classify 10 + split 8 + write 2.
    expect(fullRun.lines).toHaveLength(22);
    expect(Object.keys(expected.files).filter((name) => name.startsWith('copies/'))).toHaveLength(8);
    expect(expected.store).toEqual({
      batches: 1,
      scans: 2,
      pages: 16,
      copies: 8,
      copyPages: 32,
      // Identification is off here: nothing is read (test/jobs/kill-identify.test.ts reads).
      sideReadings: 0,
      jobs: [{ state: 'done', stage: 'done' }],
      scanFiles: 2,
    });
  });

  it('completes as if never interrupted, killed at exact points of the run', async () => {
    // Loading the scans, planned but not committed, just after the first copy, between copies, while
    // writing the manifest, after it (the job not yet marked done).
    for (const afterLines of [1, 12, 13, 17, 21, 22]) {
      const dir = await freshDir(`killed-after-line-${afterLines}`);
      const killed = await run(dir, { afterLines });
      expect(killed.signal, killed.lines.join('\n')).toBe('SIGKILL');
      expect(killed.lines).toHaveLength(afterLines);

      const resumed = await run(dir);
      expect(resumed.code, resumed.lines.join('\n')).toBe(0);
      expect(await outcome(dir), `killed after: ${killed.lines.at(-1)}`).toEqual(expected);
    }
  });

  it('completes as if never interrupted, killed at arbitrary moments (inside writes and commits)', async () => {
    let killedMidRun = 0;
    // At a tenth, two fifths and four fifths of the uninterrupted run (fixed times all landed after the end
    // once the run got fast).
    const span = fullRun.msAfterFirstLine;
    for (const afterMs of [0.1, 0.4, 0.8].map((share) => Math.round(share * span))) {
      const dir = await freshDir(`killed-after-${afterMs}ms`);
      const killed = await run(dir, { afterMs });
      // A kill that came after the job was marked done interrupted nothing: the same command again is a
      // second run of a finished batch, recorded as a job of its own and changing nothing else.
      const finished = jobDone(dir);
      if (!finished) killedMidRun++;
      expect((await run(dir)).code).toBe(0);
      const runs = finished ? [...expected.store.jobs, ...expected.store.jobs] : expected.store.jobs;
      expect(await outcome(dir), `killed ${afterMs} ms in, after: ${killed.lines.at(-1)}`).toEqual({
        ...expected,
        store: { ...expected.store, jobs: runs },
      });
    }
    // On a loaded machine the latest kill may come after the end; the others land mid-run.
    expect(killedMidRun).toBeGreaterThanOrEqual(2);
  });

  it('completes after being killed again and again', async () => {
    const dir = await freshDir('killed-repeatedly');
    // Once planned, a run prints no classify lines: 2 load, 8 split, 2 write.
    for (const afterLines of [3, 13, 5, 9, 11]) {
      const killed = await run(dir, { afterLines });
      expect(killed.signal, killed.lines.join('\n')).toBe('SIGKILL');
    }
    expect((await run(dir)).code).toBe(0);
    expect(await outcome(dir)).toEqual(expected);
  });
});
