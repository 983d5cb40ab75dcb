// `korrigo-station watch`: the hot folder from the command line, until Ctrl+C.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createHotFolder } from '../core/watch/hot-folder';
import type { HotFolderEvent } from '../core/watch/hot-folder';
import { loadRoster } from '../core/roster/load-roster';
import { commonOptionsHelp, defineCommand } from './command';
import { withCommandApi } from './command-api';
import { DB_OPTION_HELP, withCommandStore } from './command-store';

export const WATCH_USAGE = `Usage: korrigo-station watch <folder> --roster <students.csv> [--db <file>] [--interval <seconds>]
                             [--settle <seconds>]

Watches the folder the scanner writes to and processes the new PDFs into the station database with
this roster, as "process --db" does (the copies are written to the station's export folder). Files
that arrive together form one batch, in name order (a stack split over SKM1.pdf, SKM2.pdf...): once
every new file is complete (its size unchanged between two looks) and the folder has not changed for
the settle time. A file is processed once, even if the station restarts; the folder's files are only
read, never moved or deleted. A folder that disappears (a network share) is waited for. Ctrl+C stops.

Options:
  --roster <file>      Pronote roster CSV for this folder's batches (required)
${DB_OPTION_HELP}
  --interval <seconds> time between two looks at the folder (default 2)
  --settle <seconds>   how long the folder must stay unchanged before its new files form a batch
                       (default 10)
${commonOptionsHelp(23)}
`;

export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'import the PDFs a scanner writes into a folder, as they arrive',
  usage: WATCH_USAGE,
  options: {
    roster: { type: 'string' },
    db: { type: 'string' },
    interval: { type: 'string' },
    settle: { type: 'string' },
  },
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
    const settle = Number(values.settle ?? '10');
    if (!(settle >= 0 && settle <= 3600))
      throw usageError('--settle must be a number of seconds from 0 to 3600');
    // A wrong roster is refused now, not at the first scan.
    await loadRoster(values.roster);
    const folder = positionals[0]!;
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await withCommandApi(
        values.db,
        async (api) => {
          // The hot folder's own notes (which files it did) go through a connection of its own.
          await withCommandStore(values.db, true, async (store) => {
            process.stdout.write(`Watching ${resolve(folder)} (database ${api.dbPath}). Ctrl+C stops.\n`);
            await createHotFolder({
              store,
              process: (request) => api.call('batches.process', request),
              folder,
              roster: values.roster!,
              settleMs: settle * 1000,
              onEvent: (event) => process.stdout.write(`${describe(event)}\n`),
            }).run(seconds * 1000, controller.signal);
          });
        },
        { create: true },
      );
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
});

function describe(event: HotFolderEvent): string {
  switch (event.kind) {
    case 'imported':
      return `${event.files.join(', ')}: batch ${event.batchId}, ${event.copies} copies, ${event.needsReview} to review`;
    case 'already-imported':
      return `${event.files.join(', ')}: already imported (batch ${event.batchId})`;
    case 'refused':
      return `${event.files.join(', ')}: not imported: ${event.error} (tried again once a file changes)`;
    case 'folder-unavailable':
      return `the folder cannot be read: ${event.reason}; waiting for it to come back`;
    case 'folder-available':
      return 'the folder is back';
    case 'roster-available':
      return 'the roster can be read again';
    case 'roster-unavailable':
      return `the roster cannot be read, nothing is imported until it can: ${event.error}`;
  }
}
