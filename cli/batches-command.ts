// `korrigo-station batches`: the batches of the station's database, with their copies' state. Also the
// argument and database handling the store's commands share (export, watch).
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { KorrigoError } from '../core/errors';
import { batchSummaries } from '../core/store/batch-summaries';
import type { StoredBatchSummary } from '../core/store/batch-summaries';
import { resolveDbPath } from '../core/store/location';
import { openStore } from '../core/store/open-store';
import type { Store } from '../core/store/open-store';
import type { Command } from './command';

export const DB_OPTION_HELP = `  --db <file>      the station database (default: $KORRIGO_DB, else station.sqlite in the station's
                   data folder, the desktop app's; $KORRIGO_DATA_DIR moves that folder)`;

export const BATCHES_USAGE = `Usage: korrigo-station batches [--db <file>] [--json]

Lists the batches of the station database, newest first: their copies, how many are ready, how many
need review, how many are synced to Korrigo.

Options:
${DB_OPTION_HELP}
  --json           print the list as JSON
  -h, --help       show this help
`;

/** Node's parser, with its errors turned into one line for the operator. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
) {
  const usageError = (problem: string) =>
    new KorrigoError('bad-arguments', problem, { hint: `see korrigo-station ${command} --help` });
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

/** The database a command works on; reading commands never create one where a typo pointed. */
export function openCommandStore(db: string | undefined, create: boolean): Store {
  return openStore(resolveDbPath(db), { create });
}

export const batchesCommand: Command = {
  summary: 'list the batches of the station database, with their copies to review and synced',
  async run(args) {
    const { values, positionals, usageError } = parseCommandArgs('batches', args, {
      db: { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(BATCHES_USAGE);
      return 0;
    }
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
    const store = openCommandStore(values.db, false);
    try {
      const summaries = batchSummaries(store.db);
      process.stdout.write(
        values.json ? `${JSON.stringify(summaries, null, 2)}\n` : table(summaries, store.path),
      );
    } finally {
      store.close();
    }
    return 0;
  },
};

function table(summaries: StoredBatchSummary[], path: string): string {
  if (summaries.length === 0) return `No batch in ${path} yet.\n`;
  const rows = [
    ['BATCH', 'STATE', 'COPIES', 'READY', 'REVIEW', 'SYNCED', 'IMPORTED (UTC)', 'SCANS'],
    ...summaries.map((batch) => [
      batch.id,
      batch.state,
      String(batch.copies),
      String(batch.ready),
      String(batch.needsReview),
      String(batch.synced),
      batch.createdAt.slice(0, 16).replace('T', ' '),
      batch.sources.join(', '),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === row.length - 1
          ? cell
          : numeric.has(column)
            ? cell.padStart(widths[column]!)
            : cell.padEnd(widths[column]!),
      )
      .join('  ');
  return `${rows.map(line).join('\n')}\n`;
}
