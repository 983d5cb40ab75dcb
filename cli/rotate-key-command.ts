// `korrigo-station rotate-key`: a running `serve` gets a new key and login link, and every browser
// session ends (a link seen by someone else, a browser left open). Talks to the server with the key
// it left in the owner-only data dir.
import { KorrigoError } from '../core/errors';
import { resolveDataDir } from '../core/data-dir';
import { readServeFile } from '../core/server/serve-file';
import { commonOptionsHelp, defineCommand } from './command';

export const ROTATE_KEY_USAGE = `Usage: korrigo-station rotate-key [--data-dir DIR]

Ends every browser session of the station serving DIR (korrigo-station serve), replaces its key and
prints the new login link. DIR: as for serve (default $KORRIGO_DATA_DIR, else the desktop app's folder).

Options:
  --data-dir <DIR>  the data folder of the station to rotate
${commonOptionsHelp(20)}
`;

export const rotateKeyCommand = defineCommand({
  name: 'rotate-key',
  summary: 'end every browser session of a running serve and print a new login link',
  usage: ROTATE_KEY_USAGE,
  options: { 'data-dir': { type: 'string' } },
  async run({ values, positionals, usageError }) {
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
  },
});
