// A throwing facade over any bridge, for code that prefers try/catch to checking `ok`.
import type { ArgsOf, KorrigoBridge, MethodName, ResultOf } from './contract';
import type { WireCode, WireError } from './wire';

export class StationCallError extends Error {
  readonly code: WireCode;
  readonly hint: string | undefined;

  constructor(wire: WireError) {
    super(wire.message);
    this.name = 'StationCallError';
    this.code = wire.code;
    this.hint = wire.hint;
  }
}

export async function call<K extends MethodName>(
  bridge: KorrigoBridge,
  name: K,
  args: ArgsOf<K>,
): Promise<ResultOf<K>> {
  const reply = await bridge.invoke(name, args);
  if (!reply.ok) throw new StationCallError(reply.error);
  return reply.result;
}
