// One batch as the desk shows it: loaded through the API, changed only by decisions (and undo, redo), and
// reloaded when another window's decision changes it (the station's `batch.changed` push). Answers may
// arrive out of order (a reload and a decision's answer cross): the newest by log entry wins. A batch still
// being processed is read once its copies are made (`batches.get` waits for the run), its progress followed
// meanwhile.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchDetail, Decision, ManifestStudent, PageRef } from '../../../../core/api/contract';
import type { WireError } from '../../../../core/api/wire';
import { useHost } from '../../host';
import type { StageProgress } from '../new-batch/ProgressPanel';
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
  /** The batch's processing as pushed while it runs, before the batch can be shown; null when none seen. */
  processing: StageProgress | null;
}

export function useBatch(batchId: string): DeskBatch {
  const { bridge } = useHost();
  const [batch, setBatch] = useState<BatchDetail | null>(null);
  const [roster, setRoster] = useState<ManifestStudent[]>([]);
  const [error, setError] = useState<WireError | null>(null);
  const [revision, setRevision] = useState(0);
  const [processing, setProcessing] = useState<StageProgress | null>(null);
  const shown = useRef<BatchDetail | null>(null);
  /** This window's own decisions (undo, redo) still waiting for their answer. */
  const asking = useRef(0);
  /** The newest change pushed while they were: the answers may not hold it (another window's). */
  const pushed = useRef(0);

  const show = useCallback((detail: BatchDetail) => {
    // An answer no newer than the screen would only draw it again (a 128-page list, and a history read).
    if (shown.current && detail.seq <= shown.current.seq) return;
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

  useEffect(
    () =>
      bridge.on('batch.progress', ({ batchId: of, stage, done, total }) => {
        if (of === batchId && !shown.current)
          setProcessing((before) => ({ ...before, [stage]: { done, total } }));
      }),
    [bridge, batchId],
  );

  useEffect(() => {
    shown.current = null;
    void load();
    void bridge.invoke('batches.roster', { batchId }).then((reply) => {
      if (reply.ok) setRoster(reply.result);
    });
    return bridge.on('batch.changed', (change) => {
      if (change.batchId !== batchId || change.seq <= (shown.current?.seq ?? 0)) return;
      // Most likely this window's own decision, whose answer is on its way: reading the batch as well
      // would cost a second request and a second drawing of the desk. Read once the answers are in.
      if (asking.current > 0) pushed.current = Math.max(pushed.current, change.seq);
      // The desk shows pages, not copy PDFs: it need not wait for them to be rewritten.
      else void load(false);
    });
  }, [bridge, batchId, load]);

  /** Runs one of this window's own changes; a change pushed meanwhile that its answer lacks is read after. */
  const own = async <T>(ask: () => Promise<T>): Promise<T> => {
    asking.current++;
    try {
      return await ask();
    } finally {
      if (--asking.current === 0 && pushed.current > (shown.current?.seq ?? 0)) void load(false);
    }
  };
  const decide = (...decisions: Decision[]): Promise<boolean> =>
    own(async () => {
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
    });
  const move = async (pages: readonly PageRef[], place: Place): Promise<boolean> => {
    const decision = batch && moveDecision(batch.manifest, pages, place);
    return decision ? decide(decision) : true;
  };
  const history = (method: 'copies.undo' | 'copies.redo') =>
    own(async () => {
      setError(null);
      const reply = await bridge.invoke(method, { batchId });
      if (reply.ok) show(reply.result);
      else setError(reply.error);
    });
  return {
    batch,
    roster,
    error,
    decide,
    move,
    undo: () => history('copies.undo'),
    redo: () => history('copies.redo'),
    revision,
    processing,
  };
}
