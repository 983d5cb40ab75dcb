import type { StationHandlers } from './contract';
import type { HandlerTable } from './handler-table';
import { noArgs } from './schemas';
import { STATION_VERSION } from './version';

export function stationHandlers(deps: { dataDir: string }): HandlerTable<StationHandlers> {
  return {
    'station.info': {
      args: noArgs,
      run: async () => ({ version: STATION_VERSION, dataDir: deps.dataDir }),
    },
  };
}
