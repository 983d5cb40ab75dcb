import type { z } from 'zod';

/** One method's implementation: the zod schema its arguments must pass, then the work. */
export interface Handler<Args, Result> {
  args: z.ZodType<Args>;
  run(args: Args): Promise<Result>;
}

/** Implementations of a handler-map type such as `BatchesHandlers`, one entry per method. */
export type HandlerTable<M> = {
  [K in keyof M]: M[K] extends (args: infer A) => Promise<infer R> ? Handler<A, R> : never;
};
