// The one argument parser of every `korrigo-station` command: Node's, strict, with its errors turned into
// one line for the operator that names the command's help.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { KorrigoError } from '../core/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

export function commandUsageError(command: string, problem: string): KorrigoError {
  return new KorrigoError('bad-arguments', problem, { hint: `see korrigo-station ${command} --help` });
}

export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  const usageError = (problem: string) => commandUsageError(command, problem);
  try {
    return { ...parseArgs({ args, options, allowPositionals: true, strict: true }), usageError };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code?.startsWith('ERR_PARSE_ARGS')) throw error;
    throw usageError(describeParseError(code, (error as Error).message, args, options));
  }
}

/** Node's messages name the option in quotes, with advice meant for programmers around it. */
function describeParseError(code: string, message: string, args: string[], options: Options): string {
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return message;
  if (!takesValue(option, options)) return `${option} takes no value`;
  // Node refuses a value that starts with a dash ("ambiguous"): say which one it was.
  const next = args[args.indexOf(option) + 1];
  if (next === undefined || !message.includes('ambiguous')) return `${option} needs a value`;
  if (/^-\d/.test(next)) return `${option} cannot be negative (${next})`;
  return `${option} needs a value (${next} is an option)`;
}

function takesValue(option: string, options: Options): boolean {
  const spec = option.startsWith('--')
    ? options[option.slice(2)]
    : Object.values(options).find((candidate) => `-${candidate.short}` === option);
  return spec?.type === 'string';
}
