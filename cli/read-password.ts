// The Korrigo password for one run: $KORRIGO_PASSWORD, else typed at the terminal without echo. Kept in
// memory for the run only; never written anywhere.
import { KorrigoError } from '../core/errors';

export async function readPassword(user: string): Promise<string> {
  const fromEnv = process.env.KORRIGO_PASSWORD;
  if (fromEnv) return fromEnv;
  const input = process.stdin;
  if (!input.isTTY) {
    throw new KorrigoError(
      'bad-arguments',
      'no password: set KORRIGO_PASSWORD, or run in a terminal to type it',
    );
  }
  process.stderr.write(`Korrigo password for ${user}: `);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') {
            input.off('data', onData);
            process.stderr.write('\n');
            resolve(typed);
            return;
          }
          if (char === '\u0003') {
            input.off('data', onData);
            reject(new KorrigoError('bad-arguments', 'password entry cancelled'));
            return;
          }
          typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
  }
}
