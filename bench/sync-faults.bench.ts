// A full sync of a processed batch (a station database) to the Korrigo double with every fault on: a wrong
// password first, an exam in the wrong mode, a student missing on the server, lost and failed uploads, a 429,
// answers past the client's timeout, requests killed by the server's timeout, an expired session, lost
// identifications, failing lists and searches, and an upload budget scaled down so the sync waits for it.
// Prints the requests it took per route and what the server holds at the end. The syncs go through the
// station's sync service (what the API's sync.run calls), so the session is kept between them as in the app:
// only the first sync is given the password.
// Run: npx tsx bench/sync-faults.bench.ts --db station.sqlite [--batch <id>]
import { parseArgs } from 'node:util';
import { batchSummaries } from '../core/store/batch-summaries';
import { findBatch } from '../core/store/batch-rows';
import { openStore } from '../core/store/open-store';
import { rosterStudents } from '../core/store/roster-rows';
import type { SyncReport } from '../core/sync/run-sync';
import { StationSync } from '../core/sync/station-sync';
import type { Fault } from '../test/korrigo-double/faults';
import { FAST, TEACHER, startDouble } from '../test/sync/sync-fixture';

const { values } = parseArgs({ options: { db: { type: 'string' }, batch: { type: 'string' } } });
if (!values.db) throw new Error('--db <station.sqlite> is required');
const store = openStore(values.db, { create: false });
const batchId = values.batch ?? batchSummaries(store.db)[0]!.id;
const roster = rosterStudents(store.db, findBatch(store.db, batchId)!.rosterSha256);
const missing = roster[roster.length - 1]!;
const uploadLimit = { count: 12, windowMs: 4000 };
const double = await startDouble(roster, { uploadLimit }, (student) => student === missing);
const exam = double.state.addExam({
  name: 'Bac blanc maths',
  date: '2026-03-02',
  upload_mode: 'INDIVIDUAL_A4',
});
const wrongMode = double.state.addExam({
  name: 'Ancien bac blanc',
  date: '2026-01-10',
  upload_mode: 'BATCH_A3',
});

const faults: Fault[] = [
  { route: 'upload', kind: 'drop-after-commit', skip: 1 },
  { route: 'upload', kind: 'drop-before-commit', skip: 4 },
  { route: 'upload', kind: 'error-500', skip: 7 },
  { route: 'upload', kind: 'status-429', retryAfterS: 1, skip: 10 },
  { route: 'upload', kind: 'slow', delayMs: 500, skip: 13 },
  { route: 'upload', kind: 'slow', delayMs: 2000, skip: 16 },
  { route: 'upload', kind: 'expire-session', skip: 19 },
  { route: 'upload', kind: 'drop-after-commit', skip: 22, times: 2 },
  { route: 'identify', kind: 'drop-after-commit', skip: 2 },
  { route: 'identify', kind: 'error-500', skip: 9 },
  { route: 'identify', kind: 'slow', delayMs: 500, skip: 15 },
  { route: 'copies.list', kind: 'error-500', skip: 6 },
  { route: 'students.search', kind: 'drop-before-commit', skip: 3 },
  { route: 'exams.get', kind: 'status-429', retryAfterS: 0, skip: 5 },
];
double.faults.inject(...faults);

const options = { ...FAST, uploadLimit, timing: { ...FAST.timing, maxWaitMs: 60_000 } };
const base = { server: double.url, username: TEACHER.username, batchId };
const sync = new StationSync(store, () => undefined, options);
const attempt = async (what: string, run: () => Promise<SyncReport>) => {
  const started = Date.now();
  try {
    const report = await run();
    console.log(`${what}: complete=${report.complete} logins=${report.logins} (${Date.now() - started} ms)`);
    return report;
  } catch (error) {
    console.log(`${what}: refused: ${(error as Error).message}`);
    return undefined;
  }
};
await attempt('wrong password', () =>
  sync.run({ ...base, password: 'not-the-password', exam: { exam: exam.id } }),
);
await attempt('exam in BATCH_A3 mode', () =>
  sync.run({ ...base, password: TEACHER.password, exam: { exam: wrongMode.id } }),
);
const report = await attempt('sync', () => sync.run({ ...base, exam: { exam: exam.id } }));
const again = await attempt('second sync', () => sync.run({ ...base, exam: { exam: exam.id } }));
// The station stopping logs its session out.
await sync.close();

console.log('\nrequests per route (status: count)');
const table = new Map<string, Map<string, number>>();
for (const request of double.requests) {
  const row = table.get(request.route) ?? new Map<string, number>();
  row.set(String(request.status), (row.get(String(request.status)) ?? 0) + 1);
  table.set(request.route, row);
}
for (const [route, statuses] of table) {
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  console.log(
    `  ${route.padEnd(16)} ${String(total).padStart(4)}   ${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}`,
  );
}
console.log(`  ${'total'.padEnd(16)} ${String(double.requests.length).padStart(4)}`);
console.log(
  `faults that struck: ${double.faults.struck.length} of ${faults.reduce((n, f) => n + (f.times ?? 1), 0)}`,
);

const copies = double.state.examCopies(exam.id);
const emailOf = new Map(double.state.students.map((student) => [student.id, student.email]));
const stationStudent = new Map((report ?? again)!.copies.map((copy) => [copy.copyId, copy]));
const perStation = new Map<string, number>();
for (const copy of copies) {
  const id = copy.studentIdentifier.replace(/-[0-9a-f]{8}$/, '');
  perStation.set(id, (perStation.get(id) ?? 0) + 1);
}
const rosterEmail = new Map(roster.map((student) => [student.name, student.email]));
const wrongStudent = copies.filter((copy) => {
  const station = stationStudent.get(copy.studentIdentifier.replace(/-[0-9a-f]{8}$/, ''));
  return copy.student !== null && emailOf.get(copy.student) !== rosterEmail.get(station?.student ?? '');
}).length;
const final = again ?? report!;
console.log('\nserver holds');
console.log(`  copies on the exam          ${copies.length}`);
console.log(
  `  identified (READY)          ${copies.filter((c) => c.status === 'READY' && c.student !== null).length}`,
);
console.log(`  distinct students           ${new Set(copies.map((c) => c.student)).size}`);
console.log(`  duplicates                  ${[...perStation.values()].filter((n) => n > 1).length}`);
console.log(`  wrong student               ${wrongStudent}`);
console.log('station');
const count = (state: string) => final.copies.filter((copy) => copy.state === state).length;
console.log(
  `  copies ${final.copies.length}: done ${count('done')}, failed ${count('failed')}, queued ${count('queued')}, not ready ${count('not-ready')}`,
);
for (const copy of final.copies.filter((c) => c.state !== 'done')) {
  console.log(
    `    ${copy.copyId} ${copy.state} ${copy.student ?? '-'}: [${copy.reasonCode ?? ''}] ${copy.reason ?? ''}`,
  );
}
await double.close();
store.close();
