// Calls main has sent to the core host and not yet seen answered. A call fails (it never hangs) when the
// core says nothing at all for `silenceMs`: progress pushes count as signs of life, so a long batch is not
// cut short, while a core stuck in a loop or a lost reply is.
import type { WireReply } from '../core/api/wire';
import { wireFailure } from '../core/api/wire';

export interface PendingCalls {
  /** Resolves with the reply, or with a failure naming the method and `where` to look. */
  add(id: number, method: string): Promise<WireReply<unknown>>;
  settle(id: number, reply: WireReply<unknown>): void;
  /** The core spoke (a push, a reply): every waiting call gets `silenceMs` again. */
  alive(): void;
  /** The core is gone: every call fails with `failure`. */
  failAll(failure: WireReply<unknown>): void;
  /** Methods still waiting, oldest first (quitting asks first while a batch is processed). */
  methods(): string[];
}

export function pendingCalls(silenceMs: number, logHint: string): PendingCalls {
  const waiting = new Map<
    number,
    { method: string; resolve: (reply: WireReply<unknown>) => void; timer: NodeJS.Timeout }
  >();

  const arm = (id: number, method: string) =>
    setTimeout(() => {
      const call = waiting.get(id);
      if (!call) return;
      waiting.delete(id);
      const seconds = Math.round(silenceMs / 1000);
      call.resolve(
        wireFailure('internal', `The station core did not answer ${method} for ${seconds} s; ${logHint}`),
      );
    }, silenceMs);

  return {
    add(id, method) {
      return new Promise((resolve) => {
        waiting.set(id, { method, resolve, timer: arm(id, method) });
      });
    },
    settle(id, reply) {
      const call = waiting.get(id);
      if (!call) return;
      clearTimeout(call.timer);
      waiting.delete(id);
      call.resolve(reply);
    },
    alive() {
      for (const [id, call] of waiting) {
        clearTimeout(call.timer);
        call.timer = arm(id, call.method);
      }
    },
    failAll(failure) {
      for (const call of waiting.values()) {
        clearTimeout(call.timer);
        call.resolve(failure);
      }
      waiting.clear();
    },
    methods: () => [...waiting.values()].map((call) => call.method),
  };
}
