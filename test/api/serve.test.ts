import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serve } from '../../cli/serve';
import { createHttpBridge } from '../../core/api/http-bridge';
import { KorrigoError } from '../../core/errors';
import { rawRequest } from './http-request';

/** Runs `serve` in this process until `stop()`; resolves once it has printed its login link. */
async function startServe(argv: string[]) {
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const exitCode = serve(argv, { stdout, stopped });
  await expect.poll(() => printed).toMatch(/login\?token=/);
  const link = new URL(/http:\/\/127\.0\.0\.1:\d+\/login\?token=\S+/.exec(printed)?.[0] ?? '');
  return { printed, link, stop, exitCode };
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
    expect(printed).toContain(`batches in ${dataDir}`);
    const login = await rawRequest(Number(link.port), 'GET', link.pathname + link.search);
    expect(login.status).toBe(303);

    const bridge = createHttpBridge({ baseUrl: link.origin, token: link.searchParams.get('token') ?? '' });
    expect(await bridge.invoke('station.info', {})).toMatchObject({ ok: true, result: { dataDir } });

    stop();
    expect(await exitCode).toBe(0);
    await expect(fetch(`${link.origin}/`)).rejects.toThrow();
  });

  it('refuses bad arguments as bad input', async () => {
    for (const argv of [['--port', 'eighty'], ['--port', '70000'], ['--verbose']]) {
      const error = await serve(argv).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(KorrigoError);
      expect((error as KorrigoError).code).toBe('bad-arguments');
      expect((error as KorrigoError).exitCode).toBe(2);
    }
  });

  it('names a port already in use', async () => {
    const first = await startServe(['--data-dir', dataDir]);
    const error = await serve(['--port', first.link.port, '--data-dir', dataDir]).catch(
      (caught: unknown) => caught,
    );
    expect((error as KorrigoError).message).toBe(`serve: port ${first.link.port} is already in use`);
    first.stop();
    await first.exitCode;
  });
});
