// What main and the core's utility process say to each other: the API envelope, with a request id.
import type { AnyPush } from '../core/api/contract';
import type { WireReply } from '../core/api/wire';

export interface InvokeMessage {
  type: 'invoke';
  id: number;
  name: string;
  args: unknown;
}

/** Main quits: the core logs its Korrigo sessions out and closes the store, then says `stopped`. */
export interface ShutdownMessage {
  type: 'shutdown';
}

export type MainMessage = InvokeMessage | ShutdownMessage;

export type CoreHostMessage =
  | { type: 'reply'; id: number; reply: WireReply<unknown> }
  | { type: 'push'; push: AnyPush }
  | { type: 'stopped' };
