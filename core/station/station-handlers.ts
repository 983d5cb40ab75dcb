import type { StationHandlers } from '../api/contract';
import type { StationHotFolder } from '../watch/station-hot-folder';
import type { HandlerTable } from './handler-table';
import { hotFolderArgs, noArgs } from './schemas';
import { STATION_VERSION } from '../api/version';

export function stationHandlers(deps: {
  dataDir: string;
  hotFolder: StationHotFolder;
}): HandlerTable<StationHandlers> {
  return {
    'station.info': {
      args: noArgs,
      run: async () => ({ version: STATION_VERSION, dataDir: deps.dataDir }),
    },
    'station.hotFolder': { args: noArgs, run: () => deps.hotFolder.state() },
    'station.setHotFolder': {
      args: hotFolderArgs,
      run: (args) => deps.hotFolder.set(args.folder === null ? null : args),
    },
  };
}
