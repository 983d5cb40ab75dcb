// Exactly-once delivery and identification against the Korrigo double, one fault at a time.
import { afterEach, describe, expect, it } from 'vitest';
import { isKorrigoError } from '../../core/errors';
import { runSync } from '../../core/sync/run-sync';
import type { KorrigoDouble } from '../korrigo-double/korrigo-double';
import type { Fault } from '../korrigo-double/faults';
import { useTempDir } from '../pipeline/temp-dir';
import { expectDeliveredOnce } from './delivery-check';
import { ADMIN, FAST, readyBatch, request, startDouble } from './sync-fixture';

const tempDir = useTempDir();
const doubles: KorrigoDouble[] = [];
afterEach(async () => {
  for (const double of doubles.splice(0)) await double.close();
});

async function setUp(count = 4, skipEmail?: string) {
  const batch = await readyBatch(tempDir(), count);
  const double = await startDouble(batch.students, {}, (student) => student.email === skipEmail);
  doubles.push(double);
  const exam = double.state.addExam({
    name: 'Bac blanc maths',
    date: '2026-03-02',
    upload_mode: 'INDIVIDUAL_A4',
  });
  return { ...batch, double, exam };
}

describe('sync to Korrigo', () => {
  it('sends every ready copy once, identified with its student, with one login, and a second sync sends nothing', async () => {
    const setup = await setUp();
    const report = await runSync(setup.store, request(setup.double, setup.exam.id), FAST);
    expect(report.complete).toBe(true);
    expect(report.copies.map((copy) => copy.state)).toEqual(['done', 'done', 'done', 'done']);
    expectDeliveredOnce(setup.double, setup.exam.id, setup);
    const counts = setup.double.counts();
    expect(counts.login).toBe(1);
    expect(counts.upload).toBe(4);
    expect(counts.identify).toBe(4);
    expect(counts.logout).toBe(1);

    const again = await runSync(setup.store, request(setup.double, setup.exam.id), FAST);
    expect(again.complete).toBe(true);
    expect(setup.double.counts().upload).toBe(4);
    expectDeliveredOnce(setup.double, setup.exam.id, setup);
    setup.store.close();
  });

  const faults: [string, Fault[]][] = [
    [
      'the connection drops after the server committed an upload',
      [{ route: 'upload', kind: 'drop-after-commit', skip: 1 }],
    ],
    [
      'the connection drops before an upload reached the server',
      [{ route: 'upload', kind: 'drop-before-commit', skip: 1 }],
    ],
    ['an upload answers 500', [{ route: 'upload', kind: 'error-500', skip: 2 }]],
    [
      'a proxy answers 429 with Retry-After',
      [{ route: 'upload', kind: 'status-429', retryAfterS: 1, skip: 1 }],
    ],
    [
      'an upload answers after the client gave up (and commits)',
      [{ route: 'upload', kind: 'slow', delayMs: 500, skip: 2 }],
    ],
    [
      'an upload runs past the server timeout (nothing committed)',
      [{ route: 'upload', kind: 'slow', delayMs: 2000 }],
    ],
    ['the session expires mid-sync', [{ route: 'upload', kind: 'expire-session', skip: 2 }]],
    [
      'identifications are lost and fail',
      [
        { route: 'identify', kind: 'drop-after-commit' },
        { route: 'identify', kind: 'error-500', skip: 1 },
        { route: 'identify', kind: 'slow', delayMs: 500, skip: 2 },
      ],
    ],
    [
      'copy lists and searches fail',
      [
        { route: 'copies.list', kind: 'error-500', skip: 1 },
        { route: 'students.search', kind: 'drop-before-commit', skip: 1 },
        { route: 'exams.get', kind: 'status-429', retryAfterS: 0 },
      ],
    ],
    [
      'two uploads in a row are lost after committing',
      [{ route: 'upload', kind: 'drop-after-commit', times: 2 }],
    ],
  ];

  for (const [name, injected] of faults) {
    it(`delivers exactly once when ${name}`, async () => {
      const setup = await setUp();
      setup.double.faults.inject(...injected);
      const report = await runSync(setup.store, request(setup.double, setup.exam.id), FAST);
      expect(setup.double.faults.struck.length).toBeGreaterThan(0);
      expect(report.copies.map((copy) => [copy.state, copy.reason])).toEqual(
        setup.copyIds.map(() => ['done', null]),
      );
      expect(report.complete).toBe(true);
      expectDeliveredOnce(setup.double, setup.exam.id, setup);
      setup.store.close();
    });
  }

  it('logs in once more when the session expires, and never per request', async () => {
    const setup = await setUp();
    setup.double.faults.inject({ route: 'upload', kind: 'expire-session', skip: 2 });
    const report = await runSync(setup.store, request(setup.double, setup.exam.id), FAST);
    expect(report.logins).toBe(2);
    expect(setup.double.counts().login).toBe(2);
    setup.store.close();
  });

  it('with an admin account, checks the student the server shows', async () => {
    const setup = await setUp();
    const report = await runSync(setup.store, request(setup.double, setup.exam.id, ADMIN), FAST);
    expect(report.complete).toBe(true);
    expectDeliveredOnce(setup.double, setup.exam.id, setup);
    setup.store.close();
  });

  it('leaves the copy of a student missing on the server unsent, with the reason, and sends the others', async () => {
    const batch = await readyBatch(tempDir(), 4);
    const double = await startDouble(batch.students, {}, (student) => student === batch.students[2]);
    doubles.push(double);
    const exam = double.state.addExam({
      name: 'Bac blanc',
      date: '2026-03-02',
      upload_mode: 'INDIVIDUAL_A4',
    });
    const report = await runSync(batch.store, request(double, exam.id), FAST);
    expect(report.complete).toBe(false);
    const missing = report.copies[2]!;
    expect(missing.state).toBe('failed');
    expect(missing.reason).toMatch(/is not on the server/);
    expectDeliveredOnce(double, exam.id, batch, [batch.copyIds[0]!, batch.copyIds[1]!, batch.copyIds[3]!]);
    expect(double.counts().upload).toBe(3);
    batch.store.close();
  });

  it('refuses a wrong password, and an exam in BATCH_A3 mode, sending nothing', async () => {
    const setup = await setUp(2);
    const wrong = runSync(setup.store, { ...request(setup.double, setup.exam.id), password: 'nope' }, FAST);
    await expect(wrong).rejects.toSatisfy((error) => isKorrigoError(error) && error.code === 'login-refused');
    const batchExam = setup.double.state.addExam({
      name: 'Ancien',
      date: '2026-01-01',
      upload_mode: 'BATCH_A3',
    });
    const refused = runSync(setup.store, request(setup.double, batchExam.id), FAST);
    await expect(refused).rejects.toSatisfy(
      (error) => isKorrigoError(error) && error.code === 'server-refused' && /BATCH_A3/.test(error.message),
    );
    expect(setup.double.counts().upload).toBeUndefined();
    setup.store.close();
  });

  it('creates the exam once in INDIVIDUAL_A4 mode with its date, even when the creation answer is lost', async () => {
    const setup = await setUp(2);
    setup.double.faults.inject({ route: 'exams.create', kind: 'drop-after-commit' });
    const create = { create: { name: 'DS 3 Terminale', date: '2026-03-05' } };
    const report = await runSync(setup.store, { ...request(setup.double, ''), exam: create }, FAST);
    const created = setup.double.state.exams.filter((exam) => exam.name === 'DS 3 Terminale');
    expect(created).toEqual([expect.objectContaining({ date: '2026-03-05', upload_mode: 'INDIVIDUAL_A4' })]);
    expect(report.complete).toBe(true);
    await runSync(setup.store, { ...request(setup.double, ''), exam: create }, FAST);
    expect(setup.double.state.exams.filter((exam) => exam.name === 'DS 3 Terminale')).toHaveLength(1);
    setup.store.close();
  });
});
