// The sync through the station's API (the handler table the desktop app, the browser host and the CLI share):
// one Korrigo session kept between calls, progress pushed, per-copy states, and the copies a person settles.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArgsOf, MethodName, ResultOf, SyncRunProgress } from '../../core/api/contract';
import type { WireError } from '../../core/api/wire';
import { recordDecision } from '../../core/jobs/operator-decisions';
import { readCopies } from '../../core/store/copy-rows';
import { openStore } from '../../core/store/open-store';
import { createStation } from '../../core/station/station';
import type { Station } from '../../core/station/station';
import type { KorrigoDouble } from '../korrigo-double/korrigo-double';
import { runCli } from '../cli/run-cli';
import { useTempDir } from '../pipeline/temp-dir';
import { expectDeliveredOnce } from './delivery-check';
import { FAST, TEACHER, readyBatch, startDouble } from './sync-fixture';

const tempDir = useTempDir();
const opened: { station: Station; double: KorrigoDouble }[] = [];
afterEach(async () => {
  for (const { station, double } of opened.splice(0)) {
    await station.shutdown();
    await double.close();
  }
});

async function setUp(count = 3) {
  const dir = tempDir();
  const batch = await readyBatch(dir, count);
  batch.store.close();
  const double = await startDouble(batch.students);
  const exam = double.state.addExam({ name: 'Bac blanc', date: '2026-03-02', upload_mode: 'INDIVIDUAL_A4' });
  const logs: unknown[] = [];
  const station = createStation({
    dataDir: dir,
    dbPath: join(dir, 'station.sqlite'),
    syncOptions: FAST,
    log: (error) => logs.push(error),
  });
  opened.push({ station, double });
  const call = async <K extends MethodName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> => {
    const reply = await station.dispatch(name, args);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { wire: reply.error });
    return reply.result as ResultOf<K>;
  };
  const refused = async <K extends MethodName>(name: K, args: ArgsOf<K>): Promise<WireError> => {
    const reply = await station.dispatch(name, args);
    if (reply.ok) throw new Error(`${name} succeeded`);
    return reply.error;
  };
  const account = { server: double.url, username: TEACHER.username };
  return { ...batch, dir, double, exam, station, call, refused, account, logs };
}

describe('the sync through the API', () => {
  it('keeps one Korrigo session between calls: exams, two syncs and a retry with one login, progress pushed', async () => {
    const s = await setUp();
    const progress: SyncRunProgress[] = [];
    s.station.subscribe((push) => {
      if (push.event === 'sync.progress') progress.push(push.payload);
    });

    const exams = await s.call('sync.exams', { ...s.account, password: TEACHER.password });
    expect(exams).toEqual([
      { id: s.exam.id, name: 'Bac blanc', date: '2026-03-02', uploadMode: 'INDIVIDUAL_A4', received: 0 },
    ]);
    // No password from here on: the station's session serves.
    const report = await s.call('sync.run', { ...s.account, batchId: s.batchId, exam: { exam: s.exam.id } });
    expect(report.complete).toBe(true);
    expect(report.logins).toBe(0);
    expectDeliveredOnce(s.double, s.exam.id, s);
    expect(new Set(progress.map((event) => event.runId)).size).toBe(1);
    expect(progress.every((event) => event.batchId === s.batchId)).toBe(true);
    expect(progress.filter((event) => event.stage === 'upload')).toHaveLength(3);

    const status = await s.call('sync.status', { batchId: s.batchId });
    expect(status).toMatchObject({
      target: {
        server: s.double.url,
        username: TEACHER.username,
        exam: { id: s.exam.id, name: 'Bac blanc' },
      },
      running: false,
      sessionOpen: true,
      nextRequestAt: null,
      lastError: null,
    });
    expect(status.copies.map((copy) => [copy.state, copy.changed])).toEqual([
      ['done', false],
      ['done', false],
      ['done', false],
    ]);
    const again = await s.call('sync.retry', { batchId: s.batchId });
    expect(again.complete).toBe(true);
    expect(s.double.counts()).toMatchObject({ login: 1, upload: 3, identify: 3 });
    expect(s.double.counts().logout).toBeUndefined();

    // The server forgot the session (4 hours, a restart): one login again, with the password it kept.
    s.double.expireSessions();
    expect((await s.call('sync.retry', { batchId: s.batchId })).complete).toBe(true);
    expect(s.double.counts().login).toBe(2);
    // The station closing logs the session out.
    await s.station.shutdown();
    opened.splice(0);
    expect(s.double.counts().logout).toBe(1);
    await s.double.close();
  });

  it('asks for the password when it has no session, refuses a wrong one, and never shows or stores it', async () => {
    const s = await setUp(2);
    const args = { ...s.account, batchId: s.batchId, exam: { exam: s.exam.id } };
    expect((await s.refused('sync.run', args)).code).toBe('password-required');
    const wrong = 'not-the-Password-42';
    // Arguments refused at the boundary are described by their names, never their values.
    const malformed = await s.refused('sync.run', {
      ...args,
      password: wrong,
      exam: { create: { name: 'Bac', date: wrong } },
    } as never);
    expect(malformed.code).toBe('bad-arguments');
    expect(malformed.message).not.toContain(wrong);
    const error = await s.refused('sync.run', { ...args, password: wrong });
    expect(error.code).toBe('login-refused');
    const status = await s.call('sync.status', { batchId: s.batchId });
    expect(status.sessionOpen).toBe(false);
    expect(status.lastError?.code).toBe('login-refused');
    // The right password after a wrong one: the refused session was dropped, a new one logs in.
    expect((await s.call('sync.run', { ...args, password: TEACHER.password })).complete).toBe(true);

    const shown = JSON.stringify([
      malformed,
      error,
      status,
      await s.call('sync.status', { batchId: s.batchId }),
      s.logs,
    ]);
    for (const secret of [wrong, TEACHER.password]) expect(shown).not.toContain(secret);
    await s.station.shutdown();
    opened.splice(0);
    const stored = await readFile(join(s.dir, 'station.sqlite'));
    for (const secret of [wrong, TEACHER.password]) expect(stored.includes(secret)).toBe(false);
    await s.double.close();
  });

  it('shows a copy changed after it was sent at once; the operator forgets it or accepts a server copy', async () => {
    const s = await setUp(2);
    const args = { ...s.account, password: TEACHER.password, batchId: s.batchId, exam: { exam: s.exam.id } };
    await s.call('sync.run', args);
    const [first] = s.double.state.examCopies(s.exam.id);
    // A copy done and unchanged is the sync's: a person cannot forget it (it would be sent twice).
    expect((await s.refused('sync.forget', { batchId: s.batchId, copyId: s.copyIds[0]! })).code).toBe(
      'bad-arguments',
    );

    const store = openStore(join(s.dir, 'station.sqlite'));
    for (const copyId of s.copyIds) {
      const page = readCopies(store.db, s.batchId).find((copy) => copy.id === copyId)!.pages[0]!;
      recordDecision(store, s.batchId, 'operator', {
        kind: 'rotate-page',
        page: { file: page.file, source: page.source, half: page.half },
        rotate: 180,
      });
      // Checked again at the desk: ready, and different from what the server has.
      recordDecision(store, s.batchId, 'operator', { kind: 'validate-copy', copyId });
    }
    store.close();
    const status = await s.call('sync.status', { batchId: s.batchId });
    expect(status.copies.map((copy) => [copy.changed, copy.reasonCode])).toEqual([
      [true, 'changed'],
      [true, 'changed'],
    ]);
    const flagged = await s.call('sync.run', args);
    expect(flagged.complete).toBe(false);
    expect(s.double.counts().upload).toBe(2);

    // The operator replaced the first copy in Korrigo by hand (the double's first copy stands for it), and
    // deleted the second there: accept the one, forget the other.
    await s.call('sync.accept', { batchId: s.batchId, copyId: s.copyIds[0]!, remoteCopyId: first!.id });
    s.double.state.copies.splice(
      s.double.state.copies.findIndex((copy) => copy.id !== first!.id),
      1,
    );
    const forgotten = await s.call('sync.forget', { batchId: s.batchId, copyId: s.copyIds[1]! });
    expect(forgotten.copies.map((copy) => [copy.state, copy.changed])).toEqual([
      ['uploaded', false],
      ['queued', false],
    ]);
    const settled = await s.call('sync.run', args);
    expect(settled.complete).toBe(true);
    expect(s.double.counts().upload).toBe(3);
    expectDeliveredOnce(s.double, s.exam.id, s);
  });

  it('settles by hand from the CLI too: sync --forget <copy>, sync --accept <copy> <server copy id>', async () => {
    const s = await setUp(2);
    const args = { ...s.account, password: TEACHER.password, batchId: s.batchId, exam: { exam: s.exam.id } };
    await s.call('sync.run', args);
    const db = join(s.dir, 'station.sqlite');
    const store = openStore(db);
    const page = readCopies(store.db, s.batchId)[1]!.pages[0]!;
    recordDecision(store, s.batchId, 'operator', {
      kind: 'rotate-page',
      page: { file: page.file, source: page.source, half: page.half },
      rotate: 180,
    });
    recordDecision(store, s.batchId, 'operator', { kind: 'validate-copy', copyId: s.copyIds[1]! });
    store.close();

    const done = await runCli(['sync', '--forget', s.copyIds[0]!, '--db', db]);
    expect(done.code).toBe(2);
    expect(done.stderr).toMatch(/is done, not failed nor changed since it was sent/);
    const notUuid = await runCli(['sync', '--accept', s.copyIds[1]!, 'copy-7', '--db', db]);
    expect(notUuid.code).toBe(2);
    expect(notUuid.stderr).toMatch(/remoteCopyId must be the server copy id/);
    const forgot = await runCli(['sync', '--forget', s.copyIds[1]!, '--batch', s.batchId, '--db', db]);
    expect(forgot).toMatchObject({ code: 0, stdout: `${s.copyIds[1]}: forgotten; the next sync sends it\n` });
    const status = await s.call('sync.status', { batchId: s.batchId });
    expect(status.copies.map((copy) => copy.state)).toEqual(['done', 'queued']);
    // The operator deleted the old version in Korrigo; the new one goes, once.
    s.double.state.copies.splice(1, 1);
    expect((await s.call('sync.run', args)).complete).toBe(true);
    expect(s.double.counts().upload).toBe(3);
    expectDeliveredOnce(s.double, s.exam.id, s);
  });
});
