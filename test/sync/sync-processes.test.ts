// A sync killed (SIGKILL) mid-request and run again, two syncs at once, the CLI's exit codes, and no password
// in the store or in any output.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findOutboxRow } from '../../core/store/sync-rows';
import type { KorrigoDouble } from '../korrigo-double/korrigo-double';
import { useTempDir } from '../pipeline/temp-dir';
import { expectDeliveredOnce } from './delivery-check';
import { CLI, SYNC_ENTRY, runChild } from './run-child';
import { TEACHER, readyBatch, startDouble } from './sync-fixture';

const tempDir = useTempDir();
const doubles: KorrigoDouble[] = [];
afterEach(async () => {
  for (const double of doubles.splice(0)) await double.close();
});

async function setUp(count: number) {
  const batch = await readyBatch(tempDir(), count);
  batch.store.close();
  const double = await startDouble(batch.students);
  doubles.push(double);
  const exam = double.state.addExam({
    name: 'Bac blanc maths',
    date: '2026-03-02',
    upload_mode: 'INDIVIDUAL_A4',
  });
  return { ...batch, double, exam, db: join(tempDir(), 'station.sqlite') };
}

const cli = (db: string, double: KorrigoDouble, exam: string, ...more: string[]) => [
  CLI,
  'sync',
  '--server',
  double.url,
  '--user',
  TEACHER.username,
  '--exam',
  exam,
  '--db',
  db,
  ...more,
];

describe('sync processes', () => {
  it('resumes a sync killed while an upload is in flight: the copy the server committed is not sent again', async () => {
    const setup = await setUp(4);
    // The second upload takes 600 ms and commits: the process dies while waiting for its answer.
    setup.double.faults.inject({ route: 'upload', kind: 'slow', delayMs: 600, skip: 1 });
    const killed = await runChild([SYNC_ENTRY, setup.db, setup.double.url, setup.exam.id], {
      password: TEACHER.password,
      killOn: new RegExp(`upload ${setup.copyIds[1]}`),
      killDelayMs: 150,
    });
    expect(killed.signal).toBe('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(setup.double.state.examCopies(setup.exam.id)).toHaveLength(2);

    const resumed = await runChild([SYNC_ENTRY, setup.db, setup.double.url, setup.exam.id], {
      password: TEACHER.password,
    });
    expect(resumed.stderr).toContain(`settle ${setup.copyIds[1]}`);
    expect(resumed.code).toBe(0);
    expectDeliveredOnce(setup.double, setup.exam.id, setup);
    expect(setup.double.counts().upload).toBe(4);
  });

  it('killed at any step and run again, ends with each copy once and identified', async () => {
    const setup = await setUp(3);
    for (const line of [2, 5, 8, 11, 14]) {
      await runChild([SYNC_ENTRY, setup.db, setup.double.url, setup.exam.id], {
        password: TEACHER.password,
        killOn: new RegExp(`^(.*\\n){${line}}`),
      });
    }
    const last = await runChild([SYNC_ENTRY, setup.db, setup.double.url, setup.exam.id], {
      password: TEACHER.password,
    });
    expect(last.code, last.stderr + last.stdout).toBe(0);
    expectDeliveredOnce(setup.double, setup.exam.id, setup);
  });

  it('lets one of two syncs at once run; the other exits 4', async () => {
    const setup = await setUp(3);
    // The first is held in its first upload while the second starts.
    const release = setup.double.hold('upload');
    const first = runChild(cli(setup.db, setup.double, setup.exam.id), { password: TEACHER.password });
    while (!setup.double.requests.some((request) => request.route === 'upload')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const second = await runChild(cli(setup.db, setup.double, setup.exam.id), { password: TEACHER.password });
    release();
    const runs = [await first, second];
    expect(runs.map((run) => run.code)).toEqual([0, 4]);
    expect(runs.find((run) => run.code === 4)!.stderr).toMatch(/being synced by another process/);
    expectDeliveredOnce(setup.double, setup.exam.id, setup);
  });

  it('exits 2 on a refused login, 3 when a copy stays unsent, 0 on a dry run, and no password reaches the store or a log', async () => {
    const batch = await readyBatch(tempDir(), 3);
    batch.store.close();
    const db = join(tempDir(), 'station.sqlite');
    const double = await startDouble(batch.students, {}, (student) => student === batch.students[1]);
    doubles.push(double);
    const exam = double.state.addExam({ name: 'DS', date: '2026-03-02', upload_mode: 'INDIVIDUAL_A4' });

    const wrong = await runChild(cli(db, double, exam.id, '--verbose'), { password: 'Wr0ng-Secret-Pass' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/login refused/);

    const partial = await runChild(cli(db, double, 'DS'), { password: TEACHER.password });
    expect(partial.code).toBe(3);
    expect(partial.stdout).toMatch(/is not on the server/);
    const outbox = new Database(db, { readonly: true });
    expect(findOutboxRow(outbox, batch.batchId, batch.copyIds[1]!)?.state).toBe('failed');
    outbox.close();

    // Through the API's sync.run like every run: sends nothing, and the station logs its session out.
    const uploads = double.counts().upload;
    const dryRun = await runChild(cli(db, double, 'DS', '--dry-run'), { password: TEACHER.password });
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/^Dry run: \d+ copies would go to exam "DS" \(.+\) on /m);
    expect(double.counts().upload).toBe(uploads);
    expect(dryRun.stderr).toMatch(/^sync: /m);
    expect(double.counts().logout).toBe(2);

    const outputs = [wrong, partial, dryRun].map((run) => run.stdout + run.stderr).join('\n');
    for (const secret of [TEACHER.password, 'Wr0ng-Secret-Pass']) {
      expect(outputs).not.toContain(secret);
      for (const file of await readdir(tempDir())) {
        if (!file.startsWith('station.sqlite')) continue;
        expect((await readFile(join(tempDir(), file))).includes(Buffer.from(secret))).toBe(false);
      }
    }
  });
});
