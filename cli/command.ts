// A `korrigo-station` subcommand, and `defineCommand`, which gives every command the same --help,
// --verbose and argument errors so that each file says only what is its own.
import type { ParseArgsConfig } from 'node:util';
import { parseCommandArgs } from './command-args';

/** `run` gets the arguments after the command's name and returns the exit code. */
export interface Command {
  /** One line for the command list of `korrigo-station --help`. */
  summary: string;
  run(args: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The exit codes of the commands that write copies (`done`: what exit 0 means, e.g. "exported"). */
export function copyExitCodesHelp(done: string): string {
  return (
    `Exit codes: 0 ${done} (even when copies need review), 2 bad input or arguments, 3 database of a newer\n` +
    'station, 4 database or batch busy (try again later), 1 internal error.'
  );
}

/** The help lines of the options every command has, aligned to the command's own (`column`: where help starts). */
export function commonOptionsHelp(column = 19): string {
  return [
    ['--verbose', 'print the stack trace of an error'],
    ['-h, --help', 'show this help'],
  ]
    .map(([option, help]) => `  ${option!.padEnd(column - 2)}${help}`)
    .join('\n');
}

const COMMON = {
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParsedCommand<T extends Options> = ReturnType<typeof parseCommandArgs<T & typeof COMMON>>;

export interface CommandSpec<T extends Options> {
  name: string;
  summary: string;
  /** Printed by --help. */
  usage: string;
  /** The command's own options; --verbose (read by main) and -h/--help are added. */
  options: T;
  /** Returns the exit code; nothing means 0. */
  run(parsed: ParsedCommand<T>): Promise<number | void>;
}

export function defineCommand<const T extends Options>(spec: CommandSpec<T>): Command {
  return {
    summary: spec.summary,
    async run(args) {
      const parsed = parseCommandArgs(spec.name, args, { ...spec.options, ...COMMON });
      // The generic options hide --help from the compiler; COMMON puts it there.
      if ((parsed.values as { help?: boolean }).help) {
        process.stdout.write(spec.usage);
        return 0;
      }
      return (await spec.run(parsed)) ?? 0;
    },
  };
}
