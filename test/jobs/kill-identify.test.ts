// The crash test with identification on: the real process SIGKILLed while it reads the sheets, then run
// again. The batch completes with the same manifest and copy bytes as a run never interrupted, and the
// sides read before the kill are not read again (their stored readings keep their first reader).
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../core/manifest';
import { generateBatch } from '../generator/generate';
import { writeBatch } from '../generator/write-batch';
import { useTempDir } from '../pipeline/temp-dir';
import { outcome, runEntry, sideReadingRows, type Kill, type Run } from './kill-harness';

const tempDir = useTempDir();
// Reading takes about a second a sheet on a loaded machine, each run starts the recognizer anew.
const TIMEOUT_MS = 600_000;

describe('kill -9 while identifying, then the same command again', () => {
  let inputs: string;
  let scans: string[];
  let fullRun: Run;
  let expected: Awaited<ReturnType<typeof outcome>>;
  const run = (dir: string, kill?: Kill) => runEntry(dir, scans, kill, true);

  async function freshDir(name: string): Promise<string> {
    const dir = join(tempDir(), name);
    await mkdir(dir);
    for (const input of ['eleves.csv', ...scans]) await copyFile(join(inputs, input), join(dir, input));
    return dir;
  }

  beforeAll(async () => {
    // 5 students, one sheet each, over two files: 5 sheets, 10 A3 sides, at a low resolution.
    inputs = await mkdtemp(join(tmpdir(), 'korrigo-kill-identify-'));
    const batch = await generateBatch({
      seed: 7,
      shape: 'compact',
      dpi: 100,
      students: 5,
      present: 5,
      sheetsPerStudent: [1, 1],
      files: 2,
      fonts: ['Comic Neue'],
    });
    scans = (await writeBatch(batch, inputs)).scans.map((path) => path.slice(inputs.length + 1));
    const reference = join(inputs, 'uninterrupted');
    await mkdir(reference);
    for (const input of ['eleves.csv', ...scans]) await copyFile(join(inputs, input), join(reference, input));
    fullRun = await run(reference);
    expected = await outcome(reference);
  }, TIMEOUT_MS);

  afterAll(async () => {
    await rm(inputs, { recursive: true, force: true });
  });

  it('is compared with an uninterrupted run that read every side once', () => {
    expect(fullRun.code, fullRun.lines.join('\n')).toBe(0);
    expect(fullRun.lines.filter((line) => line.startsWith('identify:')).at(-1)).toMatch(
      /^identify: (\d+)\/\1 /,
    );
    expect(expected.store).toMatchObject({ batches: 1, copies: 5, sideReadings: 10 });
  });

  it('identifies students in the uninterrupted run (so a resumed run has readings to get wrong)', async () => {
    const manifest = JSON.parse(
      await readFile(join(inputs, 'uninterrupted', 'out', 'manifest.json'), 'utf8'),
    ) as Manifest;
    expect(manifest.copies.filter((copy) => copy.student !== null).length).toBeGreaterThan(0);
  });

  it('resumes without reading again the sides read before the kill', { timeout: TIMEOUT_MS }, async () => {
    const identifyLines = fullRun.lines.flatMap((line, index) =>
      line.startsWith('identify:') ? [index + 1] : [],
    );
    // Killed right after the first reading is announced, and halfway: not nearer the end, since sides are
    // read in parallel and the last ones may all be stored before the kill lands.
    const halfway = identifyLines[Math.floor(identifyLines.length / 2)]!;
    for (const afterLines of [identifyLines[0]!, halfway]) {
      const dir = await freshDir(`killed-after-line-${afterLines}`);
      const killed = await run(dir, { afterLines });
      expect(killed.signal, killed.lines.join('\n')).toBe('SIGKILL');
      expect(killed.lines.at(-1)).toMatch(/^identify: /);
      const readBeforeKill = sideReadingRows(dir);

      const resumed = await run(dir);
      expect(resumed.code, resumed.lines.join('\n')).toBe(0);
      expect(await outcome(dir), `killed after: ${killed.lines.at(-1)}`).toEqual(expected);
      // What was announced read before the kill was checkpointed (progress counts sheets or sides)...
      const [done, total] = /^identify: (\d+)\/(\d+)/.exec(killed.lines.at(-1)!)!.slice(1).map(Number);
      const sidesPerStep = expected.store.sideReadings / total!;
      expect(readBeforeKill.length).toBeGreaterThanOrEqual(done! * sidesPerStep);
      expect(readBeforeKill.length).toBeLessThan(expected.store.sideReadings);
      // ...and the resumed run took them as they were: same reader, same time.
      const afterResume = new Map(sideReadingRows(dir).map((row) => [row.side_key, row]));
      for (const row of readBeforeKill) expect(afterResume.get(row.side_key)).toEqual(row);
    }
  });
});
