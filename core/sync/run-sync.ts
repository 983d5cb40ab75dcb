// A sync of one batch to one exam of a Korrigo server: every ready copy uploaded once and identified with its
// student, resumable from the outbox wherever it was killed. See core/sync/README.md.
import type { ExamChoice, SyncReport, SyncedCopy } from '../api/sync-types';
import { KorrigoError } from '../errors';
import { findBatch } from '../store/batch-rows';
import { batchSummaries } from '../store/batch-summaries';
import type { Store } from '../store/open-store';
import { batchNotFoundError } from '../store/store-errors';
import { findOutboxRow, readOutbox, updateOutbox } from '../store/sync-rows';
import type { OutboxRow, SyncReason } from '../store/sync-rows';
import { chooseExam } from './choose-exam';
import { KorrigoApi } from './korrigo-api';
import { KorrigoSession } from './korrigo-session';
import { planOutbox } from './outbox-plan';
import { copyStates, unsentCopy } from './copy-states';
import { Pacing } from './pacing';
import type { PacingOptions } from './pacing';
import { identifyCopy, settleUpload, uploadCopy } from './send-copy';
import { ServerAnswerError } from './server-errors';
import type { KorrigoSessions } from './session-pool';
import { serverOrigin } from './server-origin';
import { CopyPdfs, stationCopies } from './station-copies';
import type { StationCopy } from './station-copies';
import { findServerStudent } from './student-map';
import { WaitTooLongError, asQueuedError, retried, waitUntil } from './sync-context';
import type { SyncContext, SyncProgress, SyncTiming } from './sync-context';

export type { SyncReport, SyncedCopy };
import { SyncLocks } from './sync-lock';

export interface SyncRequest {
  server: string;
  username: string;
  /** Needed unless `sessions` holds a live session for this account. */
  password?: string;
  exam: ExamChoice;
  /** The newest batch of the store when not given. */
  batchId?: string;
  /** Log in, find the exam and the students, say what would go; send and record nothing. */
  dryRun?: boolean;
}

export interface SyncOptions extends PacingOptions {
  timeoutMs?: number;
  uploadTimeoutMs?: number;
  timing?: Partial<SyncTiming>;
  onProgress?: (event: SyncProgress) => void;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Sessions kept between syncs (the desktop app and the browser host): the sync uses the account's live
   * session and leaves it open. Without, it logs in once and logs out at the end (the CLI).
   */
  sessions?: KorrigoSessions;
}

const DEFAULT_TIMING: SyncTiming = {
  serverRequestTimeoutMs: 125_000,
  maxAttempts: 5,
  maxWaitMs: 65 * 60_000,
};

export async function runSync(
  store: Store,
  request: SyncRequest,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const server = serverOrigin(request.server);
  const batchId = request.batchId ?? batchSummaries(store.db)[0]?.id;
  if (!batchId || !findBatch(store.db, batchId)) throw batchNotFoundError(store.path, batchId ?? '(none)');
  const locks = new SyncLocks(store);
  if (!request.dryRun) locks.take(`batch:${batchId}`, `batch ${batchId}`);
  const progress = options.onProgress ?? (() => {});
  const pacing = new Pacing(store, { server, username: request.username }, options);
  // The context holds the session's API and the session waits on the context's clock: set just below.
  const holder: { context?: SyncContext } = {};
  const beforeLogin = async () => {
    await waitUntil(holder.context!, pacing.nextSlot('login'), "the server's login limit");
    progress({ stage: 'login', message: `logging in to ${server} as ${request.username}` });
    pacing.spend('login');
  };
  const account = { origin: server, username: request.username };
  const session = options.sessions
    ? options.sessions.take(account, request.password, options)
    : new KorrigoSession({ ...account, password: request.password ?? '', ...options });
  const loginsBefore = session.logins;
  session.beforeLogin = beforeLogin;
  const context: SyncContext = {
    store,
    api: new KorrigoApi(session),
    pacing,
    timing: { ...DEFAULT_TIMING, ...options.timing },
    progress,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: () => store.now(),
  };
  holder.context = context;
  try {
    await session.open().catch((error: unknown) => {
      throw asQueuedError(error, `login to ${server}`);
    });
    const report = await syncBatch(context, { batchId, server, request, locks });
    return { ...report, logins: session.logins - loginsBefore };
  } catch (error) {
    // A refused login (a changed password) must not stay the account's session.
    if (error instanceof KorrigoError && error.code === 'login-refused') options.sessions?.drop(account);
    throw error;
  } finally {
    session.beforeLogin = undefined;
    if (!options.sessions) await session.close();
    locks.releaseAll();
  }
}

async function syncBatch(
  context: SyncContext,
  job: { batchId: string; server: string; request: SyncRequest; locks: SyncLocks },
): Promise<SyncReport> {
  const { batchId, server, request } = job;
  const dryRun = request.dryRun ?? false;
  const exam = await chooseExam(context, request.exam, dryRun);
  const copies = stationCopies(context.store, batchId);
  const base = { batchId, server, logins: 0, dryRun };
  if ('wouldCreate' in exam) {
    return { ...base, exam, copies: dryRows(copies), complete: false, nextRequestAt: null };
  }
  context.progress({ stage: 'exam', message: `exam "${exam.name}" (${exam.id}), ${exam.upload_mode}` });
  const examRef = { id: exam.id, name: exam.name };
  if (dryRun) {
    // Copies already on the server (or stopped) show where they stand; only the rest would go.
    const states = copyStates(context.store, batchId, copies);
    const queued = new Set(states.filter((row) => row.state === 'queued').map((row) => row.copyId));
    const students = await mapStudents(
      context,
      copies.filter((copy) => copy.sendable && queued.has(copy.copy.id)),
      undefined,
    );
    const rows = states.map((row) => {
      const reason = students.get(row.copyId);
      return reason ? { ...row, reason: reason.text, reasonCode: reason.code } : row;
    });
    return { ...base, exam: examRef, copies: rows, complete: false, nextRequestAt: null };
  }
  job.locks.take(`exam:${server}/${exam.id}`, `exam ${exam.id}`);
  planOutbox(context.store, { batchId, server, examId: exam.id }, copies);
  let nextRequestAt: string | null = null;
  const stopped = (error: unknown) => {
    if (!(error instanceof KorrigoError) || error.code !== 'server-unreachable') throw error;
    if (error instanceof WaitTooLongError) nextRequestAt ??= error.until.toISOString();
    context.progress({ stage: 'wait', message: error.message, nextAt: nextRequestAt ?? undefined });
    noteStopped(context, batchId, {
      code: error instanceof WaitTooLongError ? 'waiting' : 'no-answer',
      text: error.message,
    });
  };
  try {
    await mapStudents(context, copies, batchId);
    await sendAll(context, batchId, copies);
  } catch (error) {
    stopped(error);
  }
  // Reading the copy list costs no budget: what was identified is checked even when sending stopped.
  await verify(context, batchId, exam.id).catch(stopped);
  const report = copyStates(context.store, batchId, copies);
  const done = report.filter((row) => row.state === 'done' && !row.changed).length;
  context.progress({ stage: 'done', message: `${done} copies on the server, identified` });
  return {
    ...base,
    exam: examRef,
    copies: report,
    // A copy flagged as changed after it was sent needs a person, whether or not it is ready again.
    complete:
      copies.filter((copy) => copy.sendable).every((copy) => isDone(report, copy.copy.id)) &&
      !report.some((row) => row.changed),
    nextRequestAt,
  };
}

const isDone = (rows: SyncedCopy[], copyId: string) =>
  rows.some((row) => row.copyId === copyId && row.state === 'done' && !row.changed);

/**
 * The server's student for each queued copy (by e-mail, then name and birth date), one search per student.
 * With `batchId` the outbox records it (or fails the copy with the reason); without, the reasons come back.
 */
async function mapStudents(
  context: SyncContext,
  copies: readonly StationCopy[],
  batchId: string | undefined,
): Promise<Map<string, SyncReason>> {
  const reasons = new Map<string, SyncReason>();
  const rows = batchId ? readOutbox(context.store.db, batchId) : [];
  for (const station of copies) {
    const student = station.copy.student;
    if (!student) continue;
    const row = rows.find((candidate) => candidate.copyId === station.copy.id);
    // Queued copies, and copies the operator accepted as already on the server (sync.accept).
    const waiting = row?.state === 'queued' || row?.state === 'uploaded';
    if (batchId && (!row || !waiting || row.studentId !== null)) continue;
    context.progress({
      stage: 'students',
      copyId: station.copy.id,
      message: `finding ${student.name} on the server`,
    });
    const match = await retried(context, 'student search', () => findServerStudent(context.api, student));
    if ('reason' in match) reasons.set(station.copy.id, match.reason);
    if (!row) continue;
    const at = context.now().toISOString();
    if ('id' in match) updateOutbox(context.store.db, row, { studentId: match.id, reason: null }, at);
    else updateOutbox(context.store.db, row, { state: 'failed', reason: match.reason }, at);
  }
  return reasons;
}

async function sendAll(context: SyncContext, batchId: string, copies: readonly StationCopy[]): Promise<void> {
  const pdfs = new CopyPdfs(context.store, batchId);
  const byId = new Map(copies.map((station) => [station.copy.id, station.copy]));
  for (const start of readOutbox(context.store.db, batchId)) {
    let row: OutboxRow = start;
    if (row.changedAt !== null || row.state === 'done' || row.state === 'failed') continue;
    try {
      if (row.state === 'uploading') row = await settleUpload(context, row);
      if (row.state === 'queued') {
        const copy = byId.get(row.copyId);
        if (!copy || row.studentId === null) continue;
        row = await uploadCopy(context, row, () => pdfs.pdf(copy));
      }
      const identifiable = row.state === 'uploaded' || row.state === 'identifying';
      if (identifiable && row.studentId !== null) row = await identifyCopy(context, row);
    } catch (error) {
      // The server refused this copy (an answer, so nothing in doubt): the others may still go.
      if (!(error instanceof ServerAnswerError) || error.status >= 500) throw error;
      const current = findOutboxRow(context.store.db, batchId, row.copyId)!;
      const state = current.state === 'queued' ? 'failed' : current.state;
      updateOutbox(
        context.store.db,
        current,
        { state, reason: { code: 'server-refused', text: error.message } },
        context.now().toISOString(),
      );
    }
  }
}

/** Done only once the server's copy list shows the copy out of STAGING (and with our student, if shown). */
async function verify(context: SyncContext, batchId: string, examId: string): Promise<void> {
  const waiting = readOutbox(context.store.db, batchId).filter(
    (row) => row.state === 'identified' && row.changedAt === null,
  );
  if (waiting.length === 0) return;
  context.progress({ stage: 'verify', message: `checking ${waiting.length} copies on the server` });
  const remote = new Map(
    (await retried(context, 'copy list', () => context.api.copies(examId))).map((c) => [c.id, c]),
  );
  for (const row of waiting) {
    const copy = remote.get(row.remoteCopyId ?? '');
    const at = context.now().toISOString();
    if (!copy) {
      updateOutbox(
        context.store.db,
        row,
        {
          state: 'failed',
          reason: { code: 'server-differs', text: `the server no longer lists copy ${row.remoteCopyId}` },
        },
        at,
      );
    } else if (
      copy.student !== undefined &&
      copy.student !== null &&
      Number(copy.student) !== row.studentId
    ) {
      updateOutbox(
        context.store.db,
        row,
        {
          state: 'failed',
          reason: {
            code: 'server-differs',
            text: `the server shows student ${copy.student} on copy ${copy.id}, not ${row.studentId}`,
          },
        },
        at,
      );
    } else if (copy.status === 'STAGING') {
      updateOutbox(
        context.store.db,
        row,
        { state: 'uploaded', reason: { code: 'still-staging', text: 'still STAGING on the server' } },
        at,
      );
    } else {
      updateOutbox(context.store.db, row, { state: 'done', doneAt: at, reason: null }, at);
    }
  }
}

/** The copies a stop left unfinished get the reason, so the operator sees why each is still queued. */
function noteStopped(context: SyncContext, batchId: string, reason: SyncReason): void {
  const at = context.now().toISOString();
  for (const row of readOutbox(context.store.db, batchId)) {
    if (row.state === 'done' || row.state === 'failed' || row.changedAt !== null) continue;
    const current = findOutboxRow(context.store.db, batchId, row.copyId)!;
    updateOutbox(context.store.db, current, { reason }, at);
  }
}

/** What a dry run to an exam not yet created would send: nothing can have gone there, every ready copy would. */
const dryRows = (copies: readonly StationCopy[]): SyncedCopy[] => copies.map(unsentCopy);
