// `korrigo-station batches`: the batches of the station's database, with their copies' state.
import { batchSummaries } from '../core/store/batch-summaries';
import type { StoredBatchSummary } from '../core/store/batch-summaries';
import type { Command } from './command';
import { parseCommandArgs } from './command-args';
import { DB_OPTION_HELP, withCommandStore } from './command-store';

export const BATCHES_USAGE = `Usage: korrigo-station batches [--db <file>] [--json]

Lists the batches of the station database, newest first: their copies, how many are ready, how many
need review, how many are synced to Korrigo.

Options:
${DB_OPTION_HELP}
  --json           print the list as JSON
  -h, --help       show this help
`;

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
    await withCommandStore(values.db, false, (store) => {
      const summaries = batchSummaries(store.db);
      process.stdout.write(
        values.json ? `${JSON.stringify(summaries, null, 2)}\n` : table(summaries, store.path),
      );
    });
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
