// `korrigo-station watch`: the hot folder from the command line, until Ctrl+C.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createHotFolder } from '../core/watch/hot-folder';
import type { HotFolderEvent } from '../core/watch/hot-folder';
import { loadRoster } from '../core/roster/load-roster';
import { defineCommand } from './command';
import { DB_OPTION_HELP, openCommandStore } from './command-store';

export const WATCH_USAGE = `Usage: korrigo-station watch <folder> --roster <students.csv> [--db <file>] [--interval <seconds>]

Watches the folder the scanner writes to and imports each new PDF into the station database as a
batch with this roster, once the file is complete (its size unchanged between two looks, and it
reads as a PDF). A file is imported once, even if the station restarts; the folder's files are only
read, never moved or deleted. A folder that disappears (a network share) is waited for. Ctrl+C stops.

Options:
  --roster <file>      Pronote roster CSV for this folder's batches (required)
${DB_OPTION_HELP}
  --interval <seconds> time between two looks at the folder (default 2)
  --verbose            print the stack trace of an error
  -h, --help           show this help
`;

export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'import the PDFs a scanner writes into a folder, as they arrive',
  usage: WATCH_USAGE,
  options: { roster: { type: 'string' }, db: { type: 'string' }, interval: { type: 'string' } },
  async run({ values, positionals, usageError }) {
    if (positionals.length !== 1) throw usageError('give exactly one folder to watch');
    // A missing folder is waited for (a network share comes back); a file never becomes a folder.
    const watched = await stat(positionals[0]!).catch(() => null);
    if (watched && !watched.isDirectory())
      throw usageError(`${positionals[0]} is a file, not a folder: give the folder the scanner writes to`);
    if (!values.roster) throw usageError('--roster <students.csv> is required');
    const seconds = Number(values.interval ?? '2');
    if (!(seconds >= 0.1 && seconds <= 3600))
      throw usageError('--interval must be a number of seconds from 0.1 to 3600');
    // A wrong roster is refused now, not at the first scan.
    await loadRoster(values.roster);
    const store = openCommandStore(values.db, true);
    const folder = positionals[0]!;
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      process.stdout.write(`Watching ${resolve(folder)} (database ${store.path}). Ctrl+C stops.\n`);
      await createHotFolder({
        store,
        folder,
        roster: values.roster,
        onEvent: (event) => process.stdout.write(`${describe(event)}\n`),
      }).run(seconds * 1000, controller.signal);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      store.close();
    }
  },
});

function describe(event: HotFolderEvent): string {
  switch (event.kind) {
    case 'imported':
      return `${event.file}: batch ${event.batchId}, ${event.copies} copies, ${event.needsReview} to review`;
    case 'already-imported':
      return `${event.file}: already imported (batch ${event.batchId})`;
    case 'refused':
      return `${event.file}: not imported: ${event.error} (tried again once the file changes)`;
    case 'folder-unavailable':
      return `the folder cannot be read: ${event.reason}; waiting for it to come back`;
    case 'folder-available':
      return 'the folder is back';
    case 'roster-unavailable':
      return `the roster cannot be read, nothing is imported until it can: ${event.error}`;
  }
}
