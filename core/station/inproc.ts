// The in-process transport (CLI, tests): the same envelope as the others, without a process boundary.
import type { ArgsOf, KorrigoBridge, KorrigoEvents, MethodName, ResultOf } from '../api/contract';
import type { Station } from './station';
import { STATION_VERSION } from '../api/version';
import type { WireReply } from '../api/wire';

export function createInProcessBridge(station: Station): KorrigoBridge {
  return {
    version: STATION_VERSION,
    invoke: <K extends MethodName>(name: K, args: ArgsOf<K>) =>
      station.dispatch(name, args) as Promise<WireReply<ResultOf<K>>>,
    on: (event, listener) =>
      station.subscribe((push) => {
        if (push.event === event) listener(push.payload as KorrigoEvents[typeof event]);
      }),
  };
}
