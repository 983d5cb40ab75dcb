import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveCommand } from '../../cli/serve';
import { createHttpBridge } from '../../core/api/http-bridge';
import { KorrigoError } from '../../core/errors';
import { runCli } from '../cli/run-cli';
import { rawRequest } from './http-request';

/** Runs `serve` in this process until `stop()`; resolves once it has printed its login link. */
async function startServe(argv: string[]) {
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const exitCode = serveCommand({ stdout, stopped }).run(argv);
  await expect.poll(() => printed).toMatch(/#login=/);
  const link = new URL(/http:\/\/127\.0\.0\.1:\d+\/#login=\S+/.exec(printed)?.[0] ?? '');
  return { printed: () => printed, link, stop, exitCode };
}

describe('korrigo-station serve', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'korrigo-serve-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints a login link that opens a session on the given data dir, and stops cleanly', async () => {
    const { printed, link, stop, exitCode } = await startServe(['--data-dir', dataDir]);
    expect(printed()).toContain(`batches in ${dataDir}`);
    const code = link.hash.slice('#login='.length);
    const login = await rawRequest(Number(link.port), 'POST', '/session', {
      authorization: `Bearer ${code}`,
    });
    const { session } = (JSON.parse(login.body) as { result: { session: string } }).result;

    const bridge = createHttpBridge({ baseUrl: link.origin, token: session });
    expect(await bridge.invoke('station.info', {})).toMatchObject({ ok: true, result: { dataDir } });
    // The spent link is replaced by a fresh one, for the next browser.
    await expect.poll(() => printed()).toMatch(/New login link/);

    stop();
    expect(await exitCode).toBe(0);
    await expect(fetch(`${link.origin}/`)).rejects.toThrow();
    // The key it left for rotate-key goes with it.
    expect(await readdir(dataDir)).not.toContain('serve.json');
  });

  it('rotates its key from the command line: every session ends, a new link is printed', async () => {
    const { link, stop, exitCode } = await startServe(['--data-dir', dataDir]);
    expect((await stat(join(dataDir, 'serve.json'))).mode & 0o777).toBe(0o600);
    const code = link.hash.slice('#login='.length);
    const login = await rawRequest(Number(link.port), 'POST', '/session', {
      authorization: `Bearer ${code}`,
    });
    const { session } = (JSON.parse(login.body) as { result: { session: string } }).result;
    const rotated = await runCli(['rotate-key', '--data-dir', dataDir]);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(
      /Every session has ended\. New login link:\n {2}http:\/\/127\.0\.0\.1:\d+\/#login=/,
    );
    const bridge = createHttpBridge({ baseUrl: link.origin, token: session });
    expect(await bridge.invoke('station.info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Twice in a row works too: the key it left was rewritten.
    expect((await runCli(['rotate-key', '--data-dir', dataDir])).code).toBe(0);
    stop();
    await exitCode;
    const none = await runCli(['rotate-key', '--data-dir', dataDir]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringMatching(/no station is serving from/)]);
  });

  it('names a data dir that is a file, without a raw EEXIST', async () => {
    const file = join(dataDir, 'a-file');
    await writeFile(file, 'x');
    const error = await serveCommand()
      .run(['--data-dir', file])
      .catch((caught: unknown) => caught);
    expect((error as KorrigoError).message).toBe(
      `${file} is a file, not a folder: it cannot hold the station's data`,
    );
    expect((error as KorrigoError).exitCode).toBe(2);
  });

  it('refuses bad arguments as bad input', async () => {
    for (const argv of [['--port', 'eighty'], ['--port', '70000'], ['--fast']]) {
      const error = await serveCommand()
        .run(argv)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(KorrigoError);
      expect((error as KorrigoError).code).toBe('bad-arguments');
      expect((error as KorrigoError).exitCode).toBe(2);
    }
  });

  it('names a port already in use', async () => {
    const first = await startServe(['--data-dir', dataDir]);
    const error = await serveCommand()
      .run(['--port', first.link.port, '--data-dir', dataDir])
      .catch((caught: unknown) => caught);
    expect((error as KorrigoError).message).toBe(`serve: port ${first.link.port} is already in use`);
    first.stop();
    await first.exitCode;
  });
});
