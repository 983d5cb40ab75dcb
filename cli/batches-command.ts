// `korrigo-station batches`: the batches of the station's database, with their copies' state, as the
// API's `batches.list` gives them (--json prints exactly that).
import { resolve } from 'node:path';
import type { BatchSummary } from '../core/api/contract';
import { resolveDbPath } from '../core/store/location';
import { commonOptionsHelp, defineCommand } from './command';
import { withCommandApi } from './command-api';
import { DB_OPTION_HELP } from './command-store';

export const BATCHES_USAGE = `Usage: korrigo-station batches [--db <file>] [--json]

Lists the batches of the station database, newest first: their copies, how many are ready, how many
need review, how many are synced to Korrigo.

Options:
${DB_OPTION_HELP}
  --json           print the list as JSON (the API's batches.list)
${commonOptionsHelp()}
`;

export const batchesCommand = defineCommand({
  name: 'batches',
  summary: 'list the batches of the station database, with their copies to review and synced',
  usage: BATCHES_USAGE,
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals, usageError }) {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
    const summaries = await withCommandApi(values.db, (api) => api.call('batches.list', {}));
    process.stdout.write(
      values.json
        ? `${JSON.stringify(summaries, null, 2)}\n`
        : table(summaries, resolve(resolveDbPath(values.db))),
    );
  },
});

function table(summaries: BatchSummary[], path: string): string {
  if (summaries.length === 0) return `No batch in ${path} yet.\n`;
  const rows = [
    ['BATCH', 'STATE', 'COPIES', 'READY', 'REVIEW', 'SYNCED', 'IMPORTED (UTC)', 'SCANS'],
    ...summaries.map((batch) => [
      batch.batchId,
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
