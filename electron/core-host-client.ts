// Main's side of the core utility process: forwards calls, relays pushes, and never lets a call hang.
import { utilityProcess } from 'electron';
import type { UtilityProcess } from 'electron';
import type { AnyPush } from '../core/api/contract';
import type { WireReply } from '../core/api/wire';
import { wireFailure } from '../core/api/wire';
import type { CoreHostMessage, InvokeMessage } from './host-messages';

export interface CoreHostClient {
  invoke(name: string, args: unknown): Promise<WireReply<unknown>>;
  onPush(listener: (push: AnyPush) => void): void;
  stop(): void;
}

/** The process starts on the first call; if it dies, pending calls fail and the next call starts a new one. */
export function startCoreHost(entry: string, dataDir: string): CoreHostClient {
  const pending = new Map<number, (reply: WireReply<unknown>) => void>();
  const pushListeners = new Set<(push: AnyPush) => void>();
  let child: UtilityProcess | null = null;
  let nextId = 1;

  const spawn = (): UtilityProcess => {
    const started = utilityProcess.fork(entry, [], {
      serviceName: 'Korrigo Scan Station core',
      env: { ...process.env, KORRIGO_DATA_DIR: dataDir },
      stdio: 'inherit',
    });
    started.on('message', (message: CoreHostMessage) => {
      if (message.type === 'push') for (const listener of pushListeners) listener(message.push);
      else {
        pending.get(message.id)?.(message.reply);
        pending.delete(message.id);
      }
    });
    started.on('exit', (code) => {
      child = null;
      const failure = wireFailure('internal', `The station core stopped unexpectedly (exit code ${code})`);
      for (const resolve of pending.values()) resolve(failure);
      pending.clear();
    });
    return started;
  };

  return {
    invoke(name, args) {
      child ??= spawn();
      const id = nextId++;
      const message: InvokeMessage = { type: 'invoke', id, name, args };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child?.postMessage(message);
      });
    },
    onPush(listener) {
      pushListeners.add(listener);
    },
    stop() {
      child?.kill();
    },
  };
}
