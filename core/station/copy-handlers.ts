import { recordDecision, redoDecision, undoDecision } from '../jobs/operator-decisions';
import { batchDetail } from './batch-views';
import type { BatchDetail, CopiesHandlers } from '../api/contract';
import type { HandlerTable } from './handler-table';
import type { HandlerDeps } from './handler-deps';
import { batchIdArgs, decideArgs } from './schemas';

export function copyHandlers(deps: HandlerDeps): HandlerTable<CopiesHandlers> {
  const { store, exports, operator } = deps;
  // The decision is recorded in the batch's turn, so no export of the batch is running meanwhile.
  const apply = async (batchId: string, change: () => void): Promise<BatchDetail> =>
    batchDetail(store, batchId, await exports.update(batchId, change));
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
  };
}
