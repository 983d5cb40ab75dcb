import { batchHandlers } from './batch-handlers';
import type { KorrigoApi } from '../api/contract';
import { copyHandlers } from './copy-handlers';
import type { HandlerDeps } from './handler-deps';
import type { HandlerTable } from './handler-table';
import { pageHandlers } from './page-handlers';
import { stationHandlers } from './station-handlers';
import { syncHandlers } from './sync-handlers';

export type KorrigoHandlers = HandlerTable<KorrigoApi>;

/** Every API method, one domain file each; the spread cannot silently drop a method (the type says so). */
export function createHandlers(deps: HandlerDeps): KorrigoHandlers {
  return {
    ...stationHandlers(deps),
    ...batchHandlers(deps),
    ...copyHandlers(deps),
    ...pageHandlers(deps),
    ...syncHandlers(deps),
  };
}
