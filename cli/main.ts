// The `korrigo-station` command: a table of subcommands, and one place where failures become exit codes.
import { readFile } from 'node:fs/promises';
import { KorrigoError } from '../core/errors';
import { databaseBusyError, isDatabaseBusy } from '../core/store/store-errors';
import { batchesCommand } from './batches-command';
import type { Command } from './command';
import { decideCommand } from './decide-command';
import { exportCommand } from './export-command';
import { historyCommand, redoCommand, undoCommand } from './history-commands';
import { hotFolderCommand } from './hot-folder-command';
import { processCommand } from './process-command';
import { reportError } from './report-error';
import { rotateKeyCommand } from './rotate-key-command';
import { serveCommand } from './serve';
import { syncCommand } from './sync-command';
import { watchCommand } from './watch-command';

const COMMANDS: Record<string, Command> = {
  process: processCommand,
  batches: batchesCommand,
  export: exportCommand,
  decide: decideCommand,
  undo: undoCommand,
  redo: redoCommand,
  history: historyCommand,
  watch: watchCommand,
  'hot-folder': hotFolderCommand,
  sync: syncCommand,
  serve: serveCommand(),
  'rotate-key': rotateKeyCommand,
};

const NAME = 'korrigo-station';

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const list = Object.entries(COMMANDS).map(
    ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`,
  );
  return [
    `Usage: ${NAME} <command> [options]`,
    '',
    'Commands:',
    ...list,
    '',
    `Run "${NAME} <command> --help" for a command's options. Also: ${NAME} --help, ${NAME} --version.`,
    '',
  ].join('\n');
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  const [name, ...args] = argv;
  try {
    if (name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(usage());
      return 0;
    }
    if (name === '--version' || name === '-V') {
      process.stdout.write(`${NAME} ${await version()}\n`);
      return 0;
    }
    if (name === undefined)
      throw new KorrigoError('bad-arguments', 'no command given', { hint: `see ${NAME} --help` });
    const command = COMMANDS[name];
    if (!command) {
      const known = Object.keys(COMMANDS).join(', ');
      throw new KorrigoError('bad-arguments', `unknown command "${name}" (commands: ${known})`, {
        hint: `see ${NAME} --help`,
      });
    }
    return await command.run(args);
  } catch (error) {
    // A write lock held past the busy timeout surfaces as SQLite's own error, wherever it was waited for.
    const failure = isDatabaseBusy(error) ? databaseBusyError(undefined, error) : error;
    return reportError(failure, verbose, (text) => process.stderr.write(text));
  }
}
