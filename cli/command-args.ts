// The one argument parser of every `korrigo-station` command: Node's, strict, with its errors turned into
// one line for the operator that names the command's help.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { KorrigoError } from '../core/errors';

export function commandUsageError(command: string, problem: string): KorrigoError {
  return new KorrigoError('bad-arguments', problem, { hint: `see korrigo-station ${command} --help` });
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
) {
  const usageError = (problem: string) => commandUsageError(command, problem);
  try {
    return { ...parseArgs({ args, options, allowPositionals: true, strict: true }), usageError };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = (error as Error).message;
    if (!code?.startsWith('ERR_PARSE_ARGS')) throw error;
    // Node's messages name the option in quotes, with advice meant for programmers around it.
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw usageError(`unknown option ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw usageError(message.includes('missing') ? `${option} needs a value` : `${option} takes no value`);
    }
    throw usageError(message);
  }
}
