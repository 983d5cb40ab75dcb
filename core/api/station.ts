// The core side of every transport: validate the method name and arguments, run the handler, turn any
// failure into a WireError, and fan push events out to whoever listens.
import type { z } from 'zod';
import type { ProcessBatch } from '../pipeline/process-options';
import type { AnyPush } from './contract';
import type { Handler } from './handler-table';
import { createHandlers } from './handlers';
import { isMethodName } from './method-names';
import type { WireReply } from './wire';
import { toWireError, wireFailure } from './wire';

export interface StationOptions {
  dataDir: string;
  processBatch: ProcessBatch;
  /** Where internal errors go (their details never reach the wire). Default: stderr. */
  log?: (error: unknown) => void;
}

export interface Station {
  readonly dataDir: string;
  /** Never throws: every outcome is a reply. */
  dispatch(name: string, args: unknown): Promise<WireReply<unknown>>;
  subscribe(listener: (push: AnyPush) => void): () => void;
}

export function createStation(options: StationOptions): Station {
  const log = options.log ?? ((error: unknown) => console.error('[korrigo-station]', error));
  const listeners = new Set<(push: AnyPush) => void>();
  const publish = (push: AnyPush) => {
    for (const listener of listeners) {
      try {
        listener(push);
      } catch (error) {
        log(error);
      }
    }
  };
  const handlers = createHandlers({
    dataDir: options.dataDir,
    processBatch: options.processBatch,
    emitProgress: (payload) => publish({ event: 'batch.progress', payload }),
    log,
  });

  return {
    dataDir: options.dataDir,
    async dispatch(name, args) {
      if (!isMethodName(name)) return wireFailure('unknown-method', `The station has no method "${name}"`);
      const handler: Handler<unknown, unknown> = handlers[name];
      const parsed = handler.args.safeParse(args);
      if (!parsed.success)
        return wireFailure('bad-arguments', `Bad arguments for ${name}: ${describeIssues(parsed.error)}`);
      try {
        return { ok: true, result: await handler.run(parsed.data) };
      } catch (error) {
        return { ok: false, error: toWireError(error, log) };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.map(String).join('.')} ${issue.message}` : issue.message,
    )
    .join('; ');
}
