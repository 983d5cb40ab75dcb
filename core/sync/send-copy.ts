// One copy to the server: upload, then identification. Each step is recorded in the outbox before the
// request goes and after its answer. An upload whose answer was lost is settled from what the server shows
// (the exam's copy list and individual_pdfs_count before and after) and is never sent again blindly.
import { KorrigoError } from '../errors';
import type { OutboxRow } from '../store/sync-rows';
import { findOutboxRow, updateOutbox } from '../store/sync-rows';
import type { OutboxPatch } from '../store/sync-rows';
import { ServerAnswerError } from './server-errors';
import { asQueuedError, retried, waitUntil } from './sync-context';
import type { SyncContext } from './sync-context';

export type SendOutcome = 'sent' | 'unsent';

function record(context: SyncContext, row: OutboxRow, patch: OutboxPatch): OutboxRow {
  updateOutbox(context.store.db, row, patch, context.now().toISOString());
  return findOutboxRow(context.store.db, row.batchId, row.copyId)!;
}

/** Uploads a queued copy (within the hourly budget) until the server has it once. */
export async function uploadCopy(
  context: SyncContext,
  start: OutboxRow,
  pdf: () => Promise<Uint8Array>,
): Promise<OutboxRow> {
  let row = start;
  const bytes = await pdf();
  for (let attempt = 1; ; attempt += 1) {
    await waitUntil(context, context.pacing.nextSlot('upload'), 'hourly upload limit of the server');
    const before = await retried(context, 'copy list', () => context.api.copies(row.examId));
    const exam = await retried(context, 'exam', () => context.api.exam(row.examId));
    row = record(context, row, {
      state: 'uploading',
      beforeCopies: before.map((copy) => copy.id),
      beforeCount: exam.individual_pdfs_count ?? null,
      sentAt: context.now().toISOString(),
      attempts: row.attempts + 1,
    });
    context.pacing.spend('upload');
    context.progress({ stage: 'upload', copyId: row.copyId, message: `uploading ${row.copyId}` });
    try {
      const remoteCopyId = await context.api.upload(row.examId, row.fileName, bytes);
      return record(context, row, { state: 'uploaded', remoteCopyId, beforeCopies: null, reason: null });
    } catch (error) {
      if (error instanceof ServerAnswerError && error.status < 500) {
        // An answer below 500 means the request was refused before anything was written.
        const limited = error.status === 429 || error.status === 403;
        row = record(context, row, {
          state: 'queued',
          beforeCopies: null,
          reason: { code: limited ? 'waiting' : 'server-refused', text: error.message },
        });
        if (limited) {
          context.pacing.refused('upload', error.retryAfterMs);
          continue;
        }
        throw error;
      }
      row = await settleUpload(context, row, error);
      if (row.state === 'uploaded' || row.state === 'failed') return row;
      if (attempt >= context.timing.maxAttempts) throw asQueuedError(error, `upload of ${row.copyId}`);
      await waitUntil(
        context,
        new Date(context.now().getTime() + context.pacing.backoffMs(attempt)),
        `upload of ${row.copyId} did not arrive`,
      );
    }
  }
}

/**
 * After an upload with no answer (or a 5xx, or a killed sync): did the server make a copy of it, and which?
 * One file per request makes it decidable: exactly one new copy, still STAGING, and individual_pdfs_count up
 * by one is ours; nothing new and the same count means nothing arrived; anything else is left to a person.
 */
export async function settleUpload(
  context: SyncContext,
  start: OutboxRow,
  error?: unknown,
): Promise<OutboxRow> {
  const row = start;
  const answered = error instanceof ServerAnswerError;
  if (!answered && row.sentAt) {
    // Without an answer the server may still be working on it: past its own timeout it cannot commit.
    const settledAt = new Date(Date.parse(row.sentAt) + context.timing.serverRequestTimeoutMs);
    await waitUntil(
      context,
      settledAt,
      `upload of ${row.copyId} unanswered; its outcome shows once the server is done`,
    );
  }
  context.progress({
    stage: 'settle',
    copyId: row.copyId,
    message: `checking whether ${row.copyId} arrived`,
  });
  const after = await retried(context, 'copy list', () => context.api.copies(row.examId));
  const exam = await retried(context, 'exam', () => context.api.exam(row.examId));
  const before = new Set(row.beforeCopies ?? []);
  const fresh = after.filter((copy) => !before.has(copy.id));
  const countGrew =
    row.beforeCount === null || exam.individual_pdfs_count == null
      ? undefined
      : exam.individual_pdfs_count - row.beforeCount;
  if (row.beforeCopies === null) {
    return record(context, row, {
      state: 'failed',
      reason: {
        code: 'unsettled',
        text: `upload of ${row.copyId}: no copy list was recorded before it went`,
      },
    });
  }
  if (fresh.length === 0 && (countGrew === undefined || countGrew === 0)) {
    return record(context, row, {
      state: 'queued',
      beforeCopies: null,
      reason: { code: 'no-answer', text: lostReason(error) },
    });
  }
  const only = fresh[0];
  if (
    fresh.length === 1 &&
    only &&
    only.status === 'STAGING' &&
    (countGrew === undefined || countGrew === 1)
  ) {
    return record(context, row, {
      state: 'uploaded',
      remoteCopyId: only.id,
      beforeCopies: null,
      reason: null,
    });
  }
  return record(context, row, {
    state: 'failed',
    reason: {
      code: 'unsettled',
      text:
        `cannot tell whether the upload of ${row.copyId} arrived: ${fresh.length} new copies on the exam ` +
        `(${fresh.map((copy) => `${copy.anonymous_id ?? copy.id} ${copy.status}`).join(', ')}), ` +
        `individual_pdfs_count ${countGrew === undefined ? 'unknown' : `+${countGrew}`}; not sent again: check the exam in Korrigo`,
    },
  });
}

const lostReason = (error: unknown) =>
  error instanceof Error ? `${error.message}; it did not arrive, it will be sent again` : 'it did not arrive';

/** Attaches the uploaded copy to its student (STAGING -> READY). Safe to repeat: it sets the same student. */
export async function identifyCopy(context: SyncContext, start: OutboxRow): Promise<OutboxRow> {
  const remote = start.remoteCopyId;
  const student = start.studentId;
  if (remote === null || student === null) {
    throw new KorrigoError(
      'internal',
      `copy ${start.copyId}: identification without a server copy or student`,
    );
  }
  let row = record(context, start, { state: 'identifying' });
  context.progress({ stage: 'identify', copyId: row.copyId, message: `identifying ${row.copyId}` });
  try {
    await retried(context, `identification of ${row.copyId}`, () => context.api.identify(remote, student));
  } catch (error) {
    if (error instanceof ServerAnswerError && error.status < 500) {
      return record(context, row, {
        state: 'failed',
        reason: { code: 'server-refused', text: error.message },
      });
    }
    row = record(context, row, {
      state: 'uploaded',
      reason: { code: 'no-answer', text: (error as Error).message },
    });
    throw error;
  }
  return record(context, row, { state: 'identified', reason: null });
}
