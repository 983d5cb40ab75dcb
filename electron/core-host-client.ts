// Main's side of the core utility process: forwards calls, relays pushes, writes the core's output to the
// log file, and never lets a call hang (pending-calls.ts).
import { utilityProcess } from 'electron';
import type { UtilityProcess } from 'electron';
import type { AnyPush } from '../core/api/contract';
import type { WireReply } from '../core/api/wire';
import { wireFailure } from '../core/api/wire';
import type { CoreHostMessage, InvokeMessage, ShutdownMessage } from './host-messages';
import type { LogFile } from './log-file';
import { pendingCalls } from './pending-calls';
import { stopWithin } from './stop-within';

/** A core silent this long while a call waits is stuck (a side is read in well under a minute). */
const SILENCE_MS = 3 * 60_000;
/** Quitting waits this long at most for the core's logouts (one request per Korrigo session it keeps). */
const SHUTDOWN_MS = 3000;

export interface CoreHostClient {
  invoke(name: string, args: unknown): Promise<WireReply<unknown>>;
  onPush(listener: (push: AnyPush) => void): void;
  /** API methods still waiting for their reply. */
  running(): string[];
  /** Logs the core's Korrigo sessions out (within SHUTDOWN_MS), then kills it. */
  stop(): Promise<void>;
}

/** The process starts on the first call; if it dies, pending calls fail and the next call starts a new one. */
export function startCoreHost(entry: string, dataDir: string, log: LogFile): CoreHostClient {
  const logHint = `the station's log is ${log.path}`;
  const pending = pendingCalls(SILENCE_MS, logHint);
  const pushListeners = new Set<(push: AnyPush) => void>();
  let child: UtilityProcess | null = null;
  let nextId = 1;
  let stopped: (() => void) | null = null;

  const spawn = (): UtilityProcess => {
    const started = utilityProcess.fork(entry, [], {
      serviceName: 'Korrigo Scan Station core',
      env: { ...process.env, KORRIGO_DATA_DIR: dataDir },
      stdio: 'pipe',
    });
    const toLog = (chunk: Buffer) => log.write(chunk.toString('utf8'));
    started.stdout?.on('data', toLog);
    started.stderr?.on('data', toLog);
    started.on('message', (message: CoreHostMessage) => {
      pending.alive();
      if (message.type === 'push') for (const listener of pushListeners) listener(message.push);
      else if (message.type === 'stopped') stopped?.();
      else pending.settle(message.id, message.reply);
    });
    started.on('exit', (code) => {
      child = null;
      stopped?.();
      log.write(`${new Date().toISOString()} core stopped, exit code ${code}\n`);
      pending.failAll(
        wireFailure('internal', `The station core stopped unexpectedly (exit code ${code}); ${logHint}`),
      );
    });
    return started;
  };

  return {
    invoke(name, args) {
      child ??= spawn();
      const id = nextId++;
      const message: InvokeMessage = { type: 'invoke', id, name, args };
      const reply = pending.add(id, name);
      child.postMessage(message);
      return reply;
    },
    onPush(listener) {
      pushListeners.add(listener);
    },
    running: () => pending.methods(),
    stop() {
      const running = child;
      if (!running) return Promise.resolve();
      const shutdown = new Promise<void>((resolve) => {
        stopped = resolve;
        const message: ShutdownMessage = { type: 'shutdown' };
        running.postMessage(message);
      });
      return stopWithin(
        () => shutdown,
        () => running.kill(),
        SHUTDOWN_MS,
      );
    },
  };
}
