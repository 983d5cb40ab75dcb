// Where each copy of a batch stands with the server, as the report and sync.status show it. A copy sent and
// changed at the station since is shown CHANGED at once, before the next sync flags it in the outbox.
import type { SyncedCopy } from '../api/sync-types';
import type { Store } from '../store/open-store';
import { readOutbox } from '../store/sync-rows';
import type { OutboxRow } from '../store/sync-rows';
import { changeSinceSent, neverSent } from './outbox-plan';
import { stationCopies } from './station-copies';
import type { StationCopy } from './station-copies';

export function copyStates(
  store: Store,
  batchId: string,
  copies: readonly StationCopy[] = stationCopies(store, batchId),
): SyncedCopy[] {
  const rows = new Map(readOutbox(store.db, batchId).map((row) => [row.copyId, row]));
  const listed = copies.map((station): SyncedCopy => {
    const row = rows.get(station.copy.id);
    rows.delete(station.copy.id);
    return row ? fromRow(row, station) : unsentCopy(station);
  });
  return [...listed, ...[...rows.values()].map((row) => fromRow(row, undefined))];
}

function fromRow(row: OutboxRow, station: StationCopy | undefined): SyncedCopy {
  const shown: SyncedCopy = {
    copyId: row.copyId,
    student: station?.copy.student?.name ?? null,
    state: row.state,
    remoteCopyId: row.remoteCopyId,
    reason: row.reason,
    reasonCode: row.reasonCode,
    changed: row.changedAt !== null && !neverSent(row),
  };
  if (shown.changed || neverSent(row)) return shown;
  const why = station
    ? changeSinceSent(row, station, row)
    : 'the copy was split, merged or removed at the station after it was sent';
  return why ? { ...shown, changed: true, reason: why, reasonCode: 'changed' } : shown;
}

/** Never sent (or forgotten): the next sync sends it if it is ready. */
export const unsentCopy = (station: StationCopy): SyncedCopy =>
  station.sendable
    ? { ...notReadyCopy(station), state: 'queued', reason: null, reasonCode: null }
    : notReadyCopy(station);

const notReadyCopy = (station: StationCopy): SyncedCopy => ({
  copyId: station.copy.id,
  student: station.copy.student?.name ?? null,
  state: 'not-ready',
  remoteCopyId: null,
  reason: station.copy.student ? 'needs review at the station' : 'no student yet',
  reasonCode: 'not-ready',
  changed: false,
});
