// The server's limits spent knowingly, lost answers that cannot be settled, copies changed after sending,
// and one sync per batch.
import { afterEach, describe, expect, it } from 'vitest';
import { isKorrigoError } from '../../core/errors';
import { recordDecision } from '../../core/jobs/operator-decisions';
import { readCopies } from '../../core/store/copy-rows';
import { readOutbox } from '../../core/store/sync-rows';
import { runSync } from '../../core/sync/run-sync';
import type { SyncProgress } from '../../core/sync/sync-context';
import type { KorrigoDouble } from '../korrigo-double/korrigo-double';
import type { DoubleOptions } from '../korrigo-double/korrigo-double';
import { useTempDir } from '../pipeline/temp-dir';
import { expectDeliveredOnce } from './delivery-check';
import { FAST, readyBatch, request, startDouble } from './sync-fixture';

const tempDir = useTempDir();
const doubles: KorrigoDouble[] = [];
afterEach(async () => {
  for (const double of doubles.splice(0)) await double.close();
});

async function setUp(count: number, options: DoubleOptions = {}) {
  const batch = await readyBatch(tempDir(), count);
  const double = await startDouble(batch.students, options);
  doubles.push(double);
  const exam = double.state.addExam({ name: 'Bac blanc', date: '2026-03-02', upload_mode: 'INDIVIDUAL_A4' });
  return { ...batch, double, exam };
}

describe('sync limits and doubts', () => {
  it('spends the hourly upload budget knowingly: waits for the window, says when, never gets refused', async () => {
    const limit = { count: 2, windowMs: 1500 };
    const setup = await setUp(5, { uploadLimit: limit });
    const events: SyncProgress[] = [];
    const report = await runSync(setup.store, request(setup.double, setup.exam.id), {
      ...FAST,
      uploadLimit: limit,
      onProgress: (event) => events.push(event),
    });
    expect(report.complete).toBe(true);
    expect(setup.double.requests.filter((r) => r.route === 'upload').map((r) => r.status)).toEqual([
      201, 201, 201, 201, 201,
    ]);
    expect(events.filter((event) => event.stage === 'wait' && event.nextAt).length).toBeGreaterThanOrEqual(2);
    expectDeliveredOnce(setup.double, setup.exam.id, setup);
  });

  it('stops when the budget would need too long a wait: copies stay queued with the time the next may go', async () => {
    const limit = { count: 2, windowMs: 60_000 };
    const setup = await setUp(4, { uploadLimit: limit });
    const report = await runSync(setup.store, request(setup.double, setup.exam.id), {
      ...FAST,
      uploadLimit: limit,
      timing: { ...FAST.timing, maxWaitMs: 1000 },
    });
    expect(report.complete).toBe(false);
    expect(report.nextRequestAt).not.toBeNull();
    expect(report.copies.map((copy) => copy.state)).toEqual(['done', 'done', 'queued', 'queued']);
    expect(report.copies[2]!.reason).toMatch(/hourly upload limit.*next request may go at/);
  });

  it('takes a 403 on upload with a live session as the limit (another station spent it), not as a logout', async () => {
    const setup = await setUp(3, { uploadLimit: { count: 1, windowMs: 60_000 } });
    const report = await runSync(setup.store, request(setup.double, setup.exam.id), {
      ...FAST,
      timing: { ...FAST.timing, maxWaitMs: 500 },
    });
    expect(report.logins).toBe(1);
    expect(report.copies.map((copy) => copy.state)).toEqual(['done', 'queued', 'queued']);
    expect(setup.double.state.examCopies(setup.exam.id)).toHaveLength(1);
  });

  it('refuses to log in a sixth time within 15 minutes, saying when it may', async () => {
    const setup = await setUp(1);
    const options = { ...FAST, loginLimit: { count: 5, windowMs: 15 * 60_000 } };
    for (let i = 0; i < 5; i += 1) await runSync(setup.store, request(setup.double, setup.exam.id), options);
    const sixth = runSync(setup.store, request(setup.double, setup.exam.id), options);
    await expect(sixth).rejects.toSatisfy(
      (error) =>
        isKorrigoError(error) && error.code === 'server-unreachable' && /login limit/.test(error.message),
    );
    expect(setup.double.counts().login).toBe(5);
  });

  it('never sends again an upload it cannot settle (another upload landed at the same time)', async () => {
    const setup = await setUp(2);
    setup.double.faults.inject({ route: 'upload', kind: 'drop-after-commit' });
    // Another station's copy arrives while ours is unanswered.
    const original = setup.double.state.commitUpload.bind(setup.double.state);
    let once = false;
    setup.double.state.commitUpload = (exam, files) => {
      const created = original(exam, files);
      if (!once) {
        once = true;
        original(exam, [{ name: 'other-station.pdf', bytes: new Uint8Array([9]) }]);
      }
      return created;
    };
    const report = await runSync(setup.store, request(setup.double, setup.exam.id), FAST);
    expect(report.copies[0]!.state).toBe('failed');
    expect(report.copies[0]!.reason).toMatch(/cannot tell whether the upload .* arrived: 2 new copies/);
    expect(report.copies[1]!.state).toBe('done');
    // A later sync does not send it either.
    await runSync(setup.store, request(setup.double, setup.exam.id), FAST);
    expect(setup.double.counts().upload).toBe(2);
    expect(setup.double.state.examCopies(setup.exam.id).filter((c) => c.student !== null)).toHaveLength(1);
  });

  it('flags a copy changed by the operator after it was sent, and does not send it again', async () => {
    const setup = await setUp(2);
    await runSync(setup.store, request(setup.double, setup.exam.id), FAST);
    const page = readCopies(setup.store.db, setup.batchId)[0]!.pages[0]!;
    recordDecision(setup.store, setup.batchId, 'operator', {
      kind: 'rotate-page',
      page: { file: page.file, source: page.source, half: page.half },
      rotate: 180,
    });
    const report = await runSync(setup.store, request(setup.double, setup.exam.id), FAST);
    expect(report.copies[0], JSON.stringify(report.copies)).toMatchObject({ changed: true });
    expect(report.complete, JSON.stringify(report.copies)).toBe(false);
    expect(report.copies[0]!.changed).toBe(true);
    expect(report.copies[0]!.reason).toMatch(
      /(pages changed|no longer ready) at the station after it was sent/,
    );
    expect(setup.double.counts().upload).toBe(2);
    expectDeliveredOnce(setup.double, setup.exam.id, setup);
  });

  it('runs one sync per batch at a time, even within one process', async () => {
    const setup = await setUp(2);
    setup.double.faults.inject({ route: 'upload', kind: 'slow', delayMs: 200 });
    const first = runSync(setup.store, request(setup.double, setup.exam.id), FAST);
    const second = runSync(setup.store, request(setup.double, setup.exam.id), FAST);
    await expect(second).rejects.toSatisfy((error) => isKorrigoError(error) && error.code === 'busy');
    expect((await first).complete).toBe(true);
    expect(readOutbox(setup.store.db, setup.batchId).map((row) => row.state)).toEqual(['done', 'done']);
  });

  it('dry run: finds the exam and the students, says what would go and why not, sends and queues nothing', async () => {
    const batch = await readyBatch(tempDir(), 3);
    const double = await startDouble(batch.students, {}, (student) => student === batch.students[0]);
    doubles.push(double);
    const create = { create: { name: 'DS 4', date: '2026-03-09' } };
    const report = await runSync(batch.store, { ...request(double, ''), exam: create, dryRun: true }, FAST);
    expect(report.exam).toEqual({ wouldCreate: create.create });
    expect(double.state.exams).toHaveLength(0);
    const exam = double.state.addExam({ name: 'DS 4', date: '2026-03-09', upload_mode: 'INDIVIDUAL_A4' });
    const named = await runSync(batch.store, { ...request(double, 'ds 4'), dryRun: true }, FAST);
    expect(named.exam).toEqual({ id: exam.id, name: 'DS 4' });
    expect(named.copies.map((copy) => copy.state)).toEqual(['queued', 'queued', 'queued']);
    expect(named.copies[0]!.reason).toMatch(/is not on the server/);
    expect(double.counts().upload).toBeUndefined();
    expect(readOutbox(batch.store.db, batch.batchId)).toEqual([]);
    // Once two copies went (the first student is not on the server), a dry run counts none of them again.
    await runSync(batch.store, request(double, 'ds 4'), FAST);
    const again = await runSync(batch.store, { ...request(double, 'ds 4'), dryRun: true }, FAST);
    expect(again.copies.map((copy) => copy.state)).toEqual(['failed', 'done', 'done']);
    expect(double.counts().upload).toBe(2);
  });

  it('requires HTTPS except to this computer', async () => {
    const setup = await setUp(1);
    const plain = runSync(setup.store, {
      ...request(setup.double, setup.exam.id),
      server: 'http://korrigo.example.tn',
    });
    await expect(plain).rejects.toSatisfy(
      (error) => isKorrigoError(error) && error.code === 'server-refused',
    );
    expect(setup.double.requests).toHaveLength(0);
  });
});
