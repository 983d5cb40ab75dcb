import type { StationHandlers } from '../api/contract';
import type { HandlerTable } from './handler-table';
import { noArgs } from './schemas';
import { STATION_VERSION } from '../api/version';

export function stationHandlers(deps: { dataDir: string }): HandlerTable<StationHandlers> {
  return {
    'station.info': {
      args: noArgs,
      run: async () => ({ version: STATION_VERSION, dataDir: deps.dataDir }),
    },
  };
}
