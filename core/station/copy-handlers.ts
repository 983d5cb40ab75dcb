import { recordDecision, redoDecision, undoDecision } from '../jobs/operator-decisions';
import type { DecisionOutcome } from '../jobs/operator-decisions';
import { batchDetail, readingOf } from './batch-views';
import type { CopiesHandlers, DecisionApplied } from '../api/contract';
import type { HandlerTable } from './handler-table';
import type { HandlerDeps } from './handler-deps';
import { batchIdArgs, copyArgs, decideArgs } from './schemas';

export function copyHandlers(deps: HandlerDeps): HandlerTable<CopiesHandlers> {
  const { store, exports, operator } = deps;
  // The decision is recorded (one transaction), answered and pushed to every window at once; the copy
  // PDFs it changes are rebuilt after, in the batch's turn, before anyone reads them through the station.
  const apply = async (batchId: string, change: () => DecisionOutcome): Promise<DecisionApplied> => {
    const { log } = change();
    const entry = log.at(-1)!;
    deps.emitChanged({ batchId, seq: entry.seq });
    exports.later(batchId);
    const manifest = await exports.current(batchId);
    const action = entry.action;
    const target =
      action.kind === 'undo' || action.kind === 'redo'
        ? (log.find((other) => other.seq === action.target) ?? null)
        : null;
    return { ...batchDetail(store, batchId, manifest), entry, target };
  };
  return {
    'copies.decide': {
      args: decideArgs,
      run: ({ batchId, decision }) =>
        apply(batchId, () => recordDecision(store, batchId, operator, decision)),
    },
    'copies.undo': {
      args: batchIdArgs,
      run: ({ batchId }) => apply(batchId, () => undoDecision(store, batchId, operator)),
    },
    'copies.redo': {
      args: batchIdArgs,
      run: ({ batchId }) => apply(batchId, () => redoDecision(store, batchId, operator)),
    },
    'copies.reading': {
      args: copyArgs,
      run: async ({ batchId, copyId }) => readingOf(store, batchId, copyId),
    },
  };
}
