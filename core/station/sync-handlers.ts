import type { SyncHandlers } from '../api/contract';
import type { HandlerTable } from './handler-table';
import type { HandlerDeps } from './handler-deps';
import {
  batchIdArgs,
  syncAcceptArgs,
  syncAccountArgs,
  syncCopyArgs,
  syncRetryArgs,
  syncRunArgs,
} from './schemas';

export function syncHandlers(deps: HandlerDeps): HandlerTable<SyncHandlers> {
  const { sync } = deps;
  return {
    'sync.exams': { args: syncAccountArgs, run: (account) => sync.exams(account) },
    'sync.run': { args: syncRunArgs, run: (args) => sync.run(args) },
    'sync.status': { args: batchIdArgs, run: async ({ batchId }) => sync.status(batchId) },
    'sync.retry': {
      args: syncRetryArgs,
      run: ({ batchId, password }) => sync.retry(batchId, password),
    },
    'sync.forget': { args: syncCopyArgs, run: async ({ batchId, copyId }) => sync.forget(batchId, copyId) },
    'sync.accept': {
      args: syncAcceptArgs,
      run: async ({ batchId, copyId, remoteCopyId }) => sync.accept(batchId, copyId, remoteCopyId),
    },
  };
}
