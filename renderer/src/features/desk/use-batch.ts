// One batch as the desk shows it: loaded through the API, changed only by decisions (and undo, redo), and
// reloaded when another window's decision changes it (the station's `batch.changed` push). Answers may
// arrive out of order (a reload and a decision's answer cross): the newest by log entry wins.
import { useCallback, useEffect, useRef, useState } from 'react';
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
  const shown = useRef<BatchDetail | null>(null);

  const show = useCallback((detail: BatchDetail) => {
    if (shown.current && detail.seq < shown.current.seq) return;
    shown.current = detail;
    setBatch(detail);
    setRevision((value) => value + 1);
  }, []);
  const load = useCallback(
    async (waitForFiles?: boolean) => {
      const reply = await bridge.invoke('batches.get', { batchId, waitForFiles });
      if (reply.ok) show(reply.result);
      else setError(reply.error);
    },
    [bridge, batchId, show],
  );

  useEffect(() => {
    shown.current = null;
    void load();
    void bridge.invoke('batches.roster', { batchId }).then((reply) => {
      if (reply.ok) setRoster(reply.result);
    });
    return bridge.on('batch.changed', (change) => {
      // The desk shows pages, not copy PDFs: it need not wait for them to be rewritten.
      if (change.batchId === batchId && change.seq > (shown.current?.seq ?? 0)) void load(false);
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
      show(reply.result);
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
    if (reply.ok) show(reply.result);
    else setError(reply.error);
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
