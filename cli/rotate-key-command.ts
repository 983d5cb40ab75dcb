// `korrigo-station rotate-key`: a running `serve` gets a new key and login link, and every browser
// session ends (a link seen by someone else, a browser left open). Talks to the server with the key
// it left in the owner-only data dir.
import { KorrigoError } from '../core/errors';
import { resolveDataDir } from '../core/data-dir';
import { readServeFile } from '../core/server/serve-file';
import type { Command } from './command';
import { parseCommandArgs } from './command-args';

export const ROTATE_KEY_USAGE = `Usage: korrigo-station rotate-key [--data-dir DIR]

Ends every browser session of the station serving DIR (korrigo-station serve), replaces its key and
prints the new login link. DIR: as for serve (default $KORRIGO_DATA_DIR, else the desktop app's folder).
`;

export const rotateKeyCommand: Command = {
  summary: 'end every browser session of a running serve and print a new login link',
  async run(args) {
    const { values, positionals, usageError } = parseCommandArgs('rotate-key', args, {
      'data-dir': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(ROTATE_KEY_USAGE);
      return 0;
    }
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
    const dataDir = values['data-dir'] ?? resolveDataDir();
    const { origin, key } = await readServeFile(dataDir);
    let reply: { ok?: boolean; result?: { loginUrl?: string } };
    try {
      const response = await fetch(`${origin}/session/rotate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
      });
      reply = (await response.json()) as typeof reply;
    } catch {
      throw new KorrigoError(
        'file-not-found',
        `the station serving ${dataDir} does not answer at ${origin}`,
        {
          hint: 'it has stopped: start it again with korrigo-station serve',
        },
      );
    }
    if (!reply.ok || !reply.result?.loginUrl) {
      throw new KorrigoError(
        'bad-arguments',
        `the station at ${origin} refused the key it left in ${dataDir}`,
      );
    }
    process.stdout.write(`Every session has ended. New login link:\n  ${reply.result.loginUrl}\n`);
    return 0;
  },
};
