// Before any request: the outbox brought in line with the batch as it is now. New ready copies are queued; a
// copy not sent yet follows the station's changes; a copy already (or perhaps) on the server that changed
// since is flagged and frozen, never re-sent on its own: replacing it on the server is a person's decision.
import type { Store } from '../store/open-store';
import { findOutboxRow, queueCopy, readOutbox, updateOutbox } from '../store/sync-rows';
import type { OutboxRow } from '../store/sync-rows';
import { uploadFileName } from './station-copies';
import type { StationCopy } from './station-copies';

/** Nothing of it may be on the server: no upload answered, none in doubt. */
export const neverSent = (row: OutboxRow) =>
  row.remoteCopyId === null &&
  (row.state === 'queued' || (row.state === 'failed' && row.beforeCopies === null));

export function planOutbox(
  store: Store,
  target: { batchId: string; server: string; examId: string },
  copies: readonly StationCopy[],
): OutboxRow[] {
  const at = store.now().toISOString();
  const plan = store.db.transaction(() => {
    const seen = new Set<string>();
    for (const station of copies) {
      seen.add(station.copy.id);
      const row = findOutboxRow(store.db, target.batchId, station.copy.id);
      const email = station.copy.student?.email ?? '';
      if (!row || neverSent(row)) {
        if (station.sendable) {
          queueCopy(
            store.db,
            {
              ...target,
              copyId: station.copy.id,
              specSha256: station.specSha256,
              studentEmail: email,
              fileName: uploadFileName(station.copy.id, station.specSha256),
            },
            at,
          );
        } else if (row) {
          updateOutbox(
            store.db,
            row,
            { state: 'failed', reason: { code: 'not-ready', text: 'no longer ready at the station' } },
            at,
          );
        }
        continue;
      }
      const why = changeSinceSent(row, station, target);
      if (why && row.changedAt === null) {
        updateOutbox(store.db, row, { changedAt: at, reason: { code: 'changed', text: why } }, at);
      }
    }
    for (const row of readOutbox(store.db, target.batchId)) {
      if (seen.has(row.copyId) || neverSent(row) || row.changedAt !== null) continue;
      updateOutbox(
        store.db,
        row,
        {
          changedAt: at,
          reason: {
            code: 'changed',
            text: 'the copy was split, merged or removed at the station after it was sent',
          },
        },
        at,
      );
    }
  });
  plan.immediate();
  return readOutbox(store.db, target.batchId);
}

export function changeSinceSent(
  row: OutboxRow,
  station: StationCopy,
  target: { server: string; examId: string },
): string | undefined {
  const replace = 'replace it on Korrigo by hand';
  if (row.server !== target.server || row.examId !== target.examId) {
    return `already sent to exam ${row.examId} on ${row.server}`;
  }
  if (!station.sendable) return `no longer ready at the station after it was sent: ${replace}`;
  if (station.specSha256 !== row.specSha256)
    return `its pages changed at the station after it was sent: ${replace}`;
  if ((station.copy.student?.email ?? '') !== row.studentEmail) {
    return `its student changed at the station after it was sent (was ${row.studentEmail}): ${replace}`;
  }
  return undefined;
}
