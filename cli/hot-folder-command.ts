// `korrigo-station hot-folder`: the folder the station itself watches (the desktop app and `serve`), as
// the API's station.hotFolder / station.setHotFolder keep it in the data dir. `watch` runs a hot folder
// in its own process instead.
import { resolve } from 'node:path';
import type { HotFolderState } from '../core/api/contract';
import { commonOptionsHelp, defineCommand } from './command';
import { withCommandApi } from './command-api';
import { DB_OPTION_HELP } from './command-store';

export const HOT_FOLDER_USAGE = `Usage: korrigo-station hot-folder [<folder> --roster <students.csv> | --stop] [--db <file>] [--json]

Shows, sets or stops the folder the station watches for the scanner's PDFs, with the roster its batches
are made with. The desktop app and "korrigo-station serve" watch it from their next look at the setting
(at once when they run on this data dir, at their next start otherwise); each new PDF that settles there
becomes a batch, as with "watch".

Options:
  --roster <file>  Pronote roster CSV for the folder's batches (required with a folder)
  --stop           stop watching and forget the folder
${DB_OPTION_HELP}
  --json           print the setting as JSON (the API's station.hotFolder)
${commonOptionsHelp()}
`;

export const hotFolderCommand = defineCommand({
  name: 'hot-folder',
  summary: 'show, set or stop the folder the desktop app and serve watch for scanner PDFs',
  usage: HOT_FOLDER_USAGE,
  options: {
    roster: { type: 'string' },
    stop: { type: 'boolean' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals, usageError }) {
    if (positionals.length > 1) throw usageError('give at most one folder');
    const [folder] = positionals;
    if (folder && values.stop) throw usageError('give a folder or --stop, not both');
    if (folder && !values.roster) throw usageError('--roster <students.csv> is required with a folder');
    if (!folder && values.roster) throw usageError('--roster goes with a folder');
    const state = await withCommandApi(
      values.db,
      (api) =>
        folder
          ? api.call('station.setHotFolder', { folder: resolve(folder), roster: resolve(values.roster!) })
          : values.stop
            ? api.call('station.setHotFolder', { folder: null })
            : api.call('station.hotFolder', {}),
      { create: Boolean(folder) },
    );
    process.stdout.write(values.json ? `${JSON.stringify(state, null, 2)}\n` : describe(state));
  },
});

function describe(state: HotFolderState): string {
  if (!state.folder) return 'No hot folder: the station watches no folder.\n';
  return `Hot folder: ${state.folder}\nRoster: ${state.roster}\n`;
}
