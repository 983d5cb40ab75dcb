// What only a person can settle, after checking the exam in Korrigo: an upload the server's lists could not
// settle, a copy the server shows otherwise, a copy changed at the station after it was sent. `forget` says
// "the server does not have it (any more)": the next sync plans the copy afresh and sends it if ready.
// `accept` says "the server's copy X holds this copy as it is now": the next sync identifies it and checks it.
import { KorrigoError } from '../errors';
import type { Store } from '../store/open-store';
import { findBatch } from '../store/batch-rows';
import { batchNotFoundError } from '../store/store-errors';
import { deleteOutboxRow, findOutboxRow, updateOutbox } from '../store/sync-rows';
import type { OutboxRow } from '../store/sync-rows';
import { copyStates } from './copy-states';
import { stationCopies } from './station-copies';
import { SyncLocks } from './sync-lock';

const REMOTE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function forgetSent(store: Store, batchId: string, copyId: string): void {
  underLock(store, batchId, () => {
    const row = settleable(store, batchId, copyId);
    deleteOutboxRow(store.db, row);
  });
}

export function acceptSent(store: Store, batchId: string, copyId: string, remoteCopyId: string): void {
  if (!REMOTE_ID.test(remoteCopyId)) {
    throw new KorrigoError('bad-arguments', `"${remoteCopyId}" is not a Korrigo copy id (a UUID)`);
  }
  underLock(store, batchId, () => {
    const row = settleable(store, batchId, copyId);
    const station = stationCopies(store, batchId).find((candidate) => candidate.copy.id === copyId);
    if (!station?.sendable) {
      throw new KorrigoError(
        'bad-arguments',
        `copy ${copyId} is not ready with a student at the station: it cannot be on the server as it is`,
        { hint: 'settle it at the desk first, or forget it' },
      );
    }
    const email = station.copy.student?.email ?? '';
    updateOutbox(
      store.db,
      row,
      {
        state: 'uploaded',
        remoteCopyId: remoteCopyId.toLowerCase(),
        beforeCopies: null,
        changedAt: null,
        specSha256: station.specSha256,
        studentEmail: email,
        // Another student now: the next sync looks the new one up on the server.
        studentId: email === row.studentEmail ? row.studentId : null,
        reason: { code: 'accepted', text: `the operator said the server's copy ${remoteCopyId} holds it` },
      },
      store.now().toISOString(),
    );
  });
}

/** Failed, or changed since it was sent: a copy in flight or done is the sync's business, not a person's. */
function settleable(store: Store, batchId: string, copyId: string): OutboxRow {
  if (!findBatch(store.db, batchId)) throw batchNotFoundError(store.path, batchId);
  const row = findOutboxRow(store.db, batchId, copyId);
  if (!row) {
    throw new KorrigoError('copy-not-found', `copy ${copyId} of batch ${batchId} was never sent to Korrigo`);
  }
  const changed = copyStates(store, batchId).some((copy) => copy.copyId === copyId && copy.changed);
  if (row.state !== 'failed' && !changed) {
    throw new KorrigoError(
      'bad-arguments',
      `copy ${copyId} is ${row.state}, not failed nor changed since it was sent: the sync settles it itself`,
      { hint: 'run the sync again' },
    );
  }
  return row;
}

function underLock(store: Store, batchId: string, work: () => void): void {
  const locks = new SyncLocks(store);
  locks.take(`batch:${batchId}`, `batch ${batchId}`);
  try {
    work();
  } finally {
    locks.releaseAll();
  }
}
