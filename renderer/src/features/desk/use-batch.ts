// One batch as the desk shows it: loaded through the API, changed only by decisions (and undo, redo), and
// reloaded when another window's decision changes it (the station's `batch.changed` push).
import { useCallback, useEffect, useState } from 'react';
import type { BatchDetail, Decision, ManifestStudent, PageRef } from '../../../../core/api/contract';
import type { WireError } from '../../../../core/api/wire';
import { useHost } from '../../host';
import { moveDecision } from './page-moves';
import type { Place } from './page-moves';

export interface DeskBatch {
  batch: BatchDetail | null;
  roster: ManifestStudent[];
  /** The last refusal or failure, until the next action. */
  error: WireError | null;
  /** Applies decisions in order, stopping at the first the store refuses; true when all applied. */
  decide: (...decisions: Decision[]) => Promise<boolean>;
  /** Moves the pages, in this order, to the place: one decision (one undo); true when done or nothing to do. */
  move: (pages: readonly PageRef[], place: Place) => Promise<boolean>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Bumped at every change, whoever made it: the history reloads on it. */
  revision: number;
}

export function useBatch(batchId: string): DeskBatch {
  const { bridge } = useHost();
  const [batch, setBatch] = useState<BatchDetail | null>(null);
  const [roster, setRoster] = useState<ManifestStudent[]>([]);
  const [error, setError] = useState<WireError | null>(null);
  const [revision, setRevision] = useState(0);

  const load = useCallback(async () => {
    const reply = await bridge.invoke('batches.get', { batchId });
    if (reply.ok) {
      setBatch(reply.result);
      setRevision((value) => value + 1);
    } else setError(reply.error);
  }, [bridge, batchId]);

  useEffect(() => {
    void load();
    void bridge.invoke('batches.roster', { batchId }).then((reply) => {
      if (reply.ok) setRoster(reply.result);
    });
    return bridge.on('batch.changed', (change) => {
      if (change.batchId === batchId) void load();
    });
  }, [bridge, batchId, load]);

  const decide = async (...decisions: Decision[]): Promise<boolean> => {
    setError(null);
    for (const decision of decisions) {
      const reply = await bridge.invoke('copies.decide', { batchId, decision });
      if (!reply.ok) {
        setError(reply.error);
        return false;
      }
      setBatch(reply.result);
      setRevision((value) => value + 1);
    }
    return true;
  };
  const move = async (pages: readonly PageRef[], place: Place): Promise<boolean> => {
    const decision = batch && moveDecision(batch.manifest, pages, place);
    return decision ? decide(decision) : true;
  };
  const history = async (method: 'copies.undo' | 'copies.redo') => {
    setError(null);
    const reply = await bridge.invoke(method, { batchId });
    if (reply.ok) {
      setBatch(reply.result);
      setRevision((value) => value + 1);
    } else setError(reply.error);
  };
  return {
    batch,
    roster,
    error,
    decide,
    move,
    undo: () => history('copies.undo'),
    redo: () => history('copies.redo'),
    revision,
  };
}
