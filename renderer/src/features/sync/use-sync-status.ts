// The batch's copies with the Korrigo server, kept current: read again when a sync of the batch moves on,
// or a decision changes its copies (a copy changed after it was sent shows CHANGED at once).
import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../core/api/contract';
import { useHost } from '../../host';

export function useSyncStatus(batchId: string): { status: SyncStatus | null; reload: () => void } {
  const { bridge } = useHost();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => setRevision((current) => current + 1), []);

  useEffect(() => {
    let current = true;
    void bridge.invoke('sync.status', { batchId }).then((reply) => {
      // Read again after every decision, mostly unchanged: the same status must not redraw the desk.
      if (current && reply.ok)
        setStatus((before) => (sameJson(before, reply.result) ? before : reply.result));
    });
    return () => {
      current = false;
    };
  }, [bridge, batchId, revision]);

  useEffect(() => {
    // A sync pushes many events: one read per burst is enough.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(reload, 250);
    };
    const stopProgress = bridge.on('sync.progress', (event) => {
      if (event.batchId === batchId) soon();
    });
    const stopChanged = bridge.on('batch.changed', (event) => {
      if (event.batchId === batchId) soon();
    });
    return () => {
      clearTimeout(timer);
      stopProgress();
      stopChanged();
    };
  }, [bridge, batchId, reload]);

  return { status, reload };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
