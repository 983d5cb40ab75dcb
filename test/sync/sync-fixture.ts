// A stored batch of operator-validated copies (vector sheets, assigned and validated by decisions, as an
// operator does at the desk), the same students on a Korrigo double, and sync options scaled to milliseconds.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportBatch } from '../../core/jobs/export-batch';
import { importBatch } from '../../core/jobs/import-batch';
import { recordDecision } from '../../core/jobs/operator-decisions';
import type { ManifestStudent } from '../../core/manifest';
import { readCopies } from '../../core/store/copy-rows';
import { openStore } from '../../core/store/open-store';
import type { Store } from '../../core/store/open-store';
import type { SyncOptions, SyncRequest } from '../../core/sync/run-sync';
import { KorrigoDouble } from '../korrigo-double/korrigo-double';
import type { DoubleOptions } from '../korrigo-double/korrigo-double';
import { buildScanPdf, sheetSides } from '../pipeline/fixtures';

const LAST = [
  'DUPONT',
  'BEN JEMAA',
  'MARTIN',
  'NGUYEN',
  'LEFÈVRE',
  'TRABELSI',
  'DIALLO',
  'MOREAU',
  'GARCIA',
  'HADDAD',
];
const FIRST = ['MARIE', 'SADRI', 'PAUL', 'LINH', 'ÉLODIE', 'YASMINE', 'AMADOU', 'LÉA', 'LUCAS', 'NOUR'];

export const TEACHER = { username: 'prof.maths', password: 'Tr0ub4dor&3-korrigo', role: 'teacher' as const };
export const ADMIN = { username: 'admin', password: 'adm1n-pass-word', role: 'admin' as const };

export function students(count: number): ManifestStudent[] {
  return Array.from({ length: count }, (_, i) => {
    const last = `${LAST[i % LAST.length]}${i >= LAST.length ? ` ${String.fromCharCode(65 + Math.floor(i / LAST.length))}` : ''}`;
    const first = FIRST[(i * 3) % FIRST.length]!;
    const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ /g, '-');
    return {
      name: `${last} ${first}`,
      email: `${plain(first)}.${plain(last)}@lycee.example.tn`,
      birthDate: `2008-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')}`,
      className: 'T.01',
    };
  });
}

const csvDate = (iso: string) => iso.split('-').reverse().join('/');

/** `count` one-sheet copies in a store under `dir`, each assigned to its student and validated. */
export async function readyBatch(
  dir: string,
  count: number,
): Promise<{ store: Store; batchId: string; students: ManifestStudent[]; copyIds: string[] }> {
  const roster = students(count);
  const csv =
    '\uFEFFÉlèves,Né(e) le,Classe,Adresse E-mail\r\n' +
    roster.map((s) => `${s.name},${csvDate(s.birthDate)},${s.className},${s.email}`).join('\r\n') +
    '\r\n';
  await writeFile(join(dir, 'eleves.csv'), csv);
  await writeFile(join(dir, 'SKM1.pdf'), (await buildScanPdf(sheetSides(count))).bytes);
  const store = openStore(join(dir, 'station.sqlite'));
  const { batch } = await importBatch(store, {
    scans: [join(dir, 'SKM1.pdf')],
    roster: join(dir, 'eleves.csv'),
  });
  await exportBatch(store, batch.id, join(dir, 'out'), { identify: false });
  const copies = readCopies(store.db, batch.id);
  copies.forEach((copy, i) => {
    recordDecision(store, batch.id, 'operator', {
      kind: 'assign-student',
      copyId: copy.id,
      student: roster[i],
    });
    recordDecision(store, batch.id, 'operator', { kind: 'validate-copy', copyId: copy.id });
  });
  return { store, batchId: batch.id, students: roster, copyIds: copies.map((copy) => copy.id) };
}

/** The double with both accounts and the roster's students (as Korrigo's import writes them). */
export async function startDouble(
  roster: readonly ManifestStudent[],
  options: DoubleOptions = {},
  skip: (student: ManifestStudent) => boolean = () => false,
): Promise<KorrigoDouble> {
  const double = await new KorrigoDouble({
    requestTimeoutMs: 800,
    loginLimit: { count: 50, windowMs: 60_000 },
    ...options,
  }).start();
  double.addAccount(TEACHER);
  double.addAccount(ADMIN);
  for (const student of roster) {
    if (skip(student)) continue;
    const [last, ...first] = splitName(student.name);
    double.state.addStudent({
      last_name: last!,
      first_name: first.join(' '),
      date_naissance: student.birthDate,
      email: student.email,
      class_name: student.className,
      groupe: '',
    });
  }
  return double;
}

/** "BEN JEMAA SADRI" -> last "Ben Jemaa", first "Sadri": the last word is the first name here. */
function splitName(name: string): string[] {
  const words = name.split(' ').map((word) => word[0] + word.slice(1).toLowerCase());
  return [words.slice(0, -1).join(' '), words.at(-1)!];
}

/** Client timeout 300 ms, server request timeout 800 ms: a 500 ms answer commits after the client gave up. */
export const FAST: SyncOptions = {
  timeoutMs: 300,
  uploadTimeoutMs: 300,
  backoffBaseMs: 5,
  backoffCapMs: 50,
  // Tests run many syncs in a row: Korrigo's 5 logins per 15 minutes are tested on their own.
  loginLimit: { count: 50, windowMs: 60_000 },
  timing: { serverRequestTimeoutMs: 900, maxAttempts: 4, maxWaitMs: 10_000 },
};

export function request(
  double: KorrigoDouble,
  examId: string,
  account: { username: string; password: string } = TEACHER,
): SyncRequest {
  return {
    server: double.url,
    username: account.username,
    password: account.password,
    exam: { exam: examId },
  };
}

/** Server copies per student email, for checking exactly-once delivery and identification. */
export function serverHoldings(double: KorrigoDouble, examId: string) {
  const copies = double.state.examCopies(examId);
  const emailOf = new Map(double.state.students.map((student) => [student.id, student.email]));
  return {
    copies: copies.length,
    identified: copies.filter((copy) => copy.student !== null && copy.status === 'READY').length,
    byEmail: copies.map((copy) => (copy.student === null ? null : emailOf.get(copy.student)!)),
    fileNames: copies.map((copy) => copy.studentIdentifier),
  };
}
