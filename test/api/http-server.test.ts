import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBridge } from '../../core/api/http-bridge';
import { createStation } from '../../core/station/station';
import { startHttpServer } from '../../core/server/http-server';
import type { RunningServer } from '../../core/server/http-server';
import { RENDERER_CSP } from '../../core/server/csp';
import type { Station } from '../../core/station/station';
import { writeSampleBatch } from '../e2e/sample-batch';
import type { SampleBatch } from '../e2e/sample-batch';
import { errorCode, rawRequest } from './http-request';
import { uploadingBridge } from './uploading-bridge';

describe('the loopback server', () => {
  let root: string;
  let dataDir: string;
  let station: Station;
  let server: RunningServer;
  let sample: SampleBatch;
  let batchId: string;
  let copyFile: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'korrigo-http-'));
    dataDir = join(root, 'data');
    const staticDir = join(root, 'renderer');
    await mkdir(staticDir, { recursive: true });
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Korrigo</title>');
    await writeFile(join(root, 'secret.txt'), 'not for the browser');
    sample = await writeSampleBatch(root);
    station = createStation({ dataDir });
    server = await startHttpServer({ station, staticDir });
    auth = { authorization: `Bearer ${server.token}` };
    const bridge = uploadingBridge(createHttpBridge({ baseUrl: server.origin, token: server.token }));
    const reply = await bridge.invoke('batches.process', {
      scans: [sample.scans.skm1, sample.scans.skm2],
      roster: sample.roster,
    });
    if (!reply.ok) throw new Error(reply.error.message);
    batchId = reply.result.batchId;
    copyFile = reply.result.manifest.copies[0]!.file;
  });

  afterAll(async () => {
    await server.close();
    station.close();
    await rm(root, { recursive: true, force: true });
  });

  const json = { 'content-type': 'application/json' };

  it('binds the loopback interface only', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('refuses the API, events, uploads and files without the right token', async () => {
    const attempts: [string, string][] = [
      ['POST', '/api/station.info'],
      ['GET', '/events'],
      ['POST', '/upload'],
      ['GET', `/files/${batchId}/${copyFile}`],
    ];
    for (const [method, path] of attempts) {
      const wrongCredentials: Record<string, string>[] = [
        {},
        { authorization: 'Bearer wrong' },
        { cookie: `korrigo-session-${server.port}=wrong` },
      ];
      for (const headers of wrongCredentials) {
        const response = await rawRequest(server.port, method, path, { ...json, ...headers }, '{}');
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(errorCode(response)).toBe('forbidden');
      }
    }
  });

  it('refuses a foreign Host header (DNS rebinding), even on the public UI', async () => {
    for (const path of ['/', '/api/station.info']) {
      const response = await rawRequest(
        server.port,
        'POST',
        path,
        { ...json, ...auth, host: `evil.example:${server.port}` },
        '{}',
      );
      expect(response.status).toBe(403);
      expect(errorCode(response)).toBe('forbidden');
    }
    const local = await rawRequest(
      server.port,
      'POST',
      '/api/station.info',
      { ...json, ...auth, host: `localhost:${server.port}` },
      '{}',
    );
    expect(local.status).toBe(200);
  });

  it('refuses a cross-origin post even with the token, and a call that is not JSON', async () => {
    const crossSite = await rawRequest(
      server.port,
      'POST',
      '/api/station.info',
      { ...json, ...auth, origin: 'http://127.0.0.1:9' },
      '{}',
    );
    expect(crossSite.status).toBe(403);
    const sameSite = await rawRequest(
      server.port,
      'POST',
      '/api/station.info',
      { ...json, ...auth, origin: server.origin },
      '{}',
    );
    expect(sameSite.status).toBe(200);
    const formPost = await rawRequest(
      server.port,
      'POST',
      '/api/station.info',
      { ...auth, 'content-type': 'text/plain' },
      '{}',
    );
    expect([formPost.status, errorCode(formPost)]).toEqual([400, 'bad-arguments']);
    const broken = await rawRequest(server.port, 'POST', '/api/station.info', { ...json, ...auth }, '{"');
    expect([broken.status, errorCode(broken)]).toEqual([400, 'bad-arguments']);
  });

  it('maps wire codes to HTTP statuses', async () => {
    const unknown = await rawRequest(server.port, 'POST', '/api/batches.delete', { ...json, ...auth }, '{}');
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'unknown-method']);
  });

  it('logs in through the link it prints, once: a session id, no cookie', async () => {
    const code = new URLSearchParams(new URL(server.loginUrl).hash.slice(1)).get('login') ?? '';
    const refused = await rawRequest(server.port, 'POST', '/session', { authorization: 'Bearer wrong' });
    expect(refused.status).toBe(403);
    const login = await rawRequest(server.port, 'POST', '/session', { authorization: `Bearer ${code}` });
    expect(login.headers['set-cookie']).toBeUndefined();
    const { session } = (JSON.parse(login.body) as { result: { session: string } }).result;
    const call = await rawRequest(
      server.port,
      'POST',
      '/api/station.info',
      { ...json, authorization: `Bearer ${session}` },
      '{}',
    );
    expect(JSON.parse(call.body)).toMatchObject({ ok: true, result: { dataDir } });
    // The link in the browser's history is spent.
    const replay = await rawRequest(server.port, 'POST', '/session', { authorization: `Bearer ${code}` });
    expect(replay.status).toBe(403);
  });

  it('serves the renderer with its CSP, and nothing outside it', async () => {
    const index = await rawRequest(server.port, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Korrigo</title>');
    expect(index.headers['content-security-policy']).toBe(RENDERER_CSP);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const response = await rawRequest(server.port, 'GET', path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('not for the browser');
    }
  });

  it('serves a copy PDF from the batch export, and nothing outside it', async () => {
    const copy = await rawRequest(server.port, 'GET', `/files/${batchId}/${copyFile}`, auth);
    expect(copy.status).toBe(200);
    expect(copy.headers['content-type']).toBe('application/pdf');
    expect(copy.body).toBe(await readFile(join(dataDir, 'exports', batchId, copyFile), 'utf8'));
    expect(copy.body.startsWith('%PDF-')).toBe(true);
    const escapes = [
      `/files/${batchId}/..%2F..%2F..%2Fsecret.txt`,
      `/files/${batchId}/%2e%2e/%2e%2e/%2e%2e/secret.txt`,
      '/files/..%2F..%2Fsecret.txt/x',
      `/files/${batchId}/`,
    ];
    for (const path of escapes) {
      const response = await rawRequest(server.port, 'GET', path, auth);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('not for the browser');
    }
  });

  it('saves an upload in the inbox under its own base name', async () => {
    const bridge = createHttpBridge({ baseUrl: server.origin, token: server.token });
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]);
    const reply = await bridge.upload(new Blob([bytes]), '../../../Élèves 1ère.csv');
    if (!reply.ok) throw new Error(reply.error.message);
    const { path } = reply.result;
    expect(relative(join(dataDir, 'inbox'), dirname(path))).toMatch(/^[0-9a-f-]{36}$/);
    expect(path.endsWith('Élèves 1ère.csv')).toBe(true);
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);

    const nameless = await bridge.upload(new Blob([bytes]), '..');
    expect(nameless.ok === false && nameless.error.code).toBe('bad-arguments');
  });

  it('pushes events to a subscriber over the stream', async () => {
    const http = createHttpBridge({ baseUrl: server.origin, token: server.token });
    const bridge = uploadingBridge(http);
    const stages: string[] = [];
    const unsubscribe = http.on('batch.progress', (event) =>
      stages.push(`${event.stage} ${event.done}/${event.total}`),
    );
    // The batch is processed already: reading the scans again finds it, and there is nothing else to do.
    await bridge.invoke('batches.process', {
      scans: [sample.scans.skm1, sample.scans.skm2],
      roster: sample.roster,
    });
    await expect.poll(() => stages).toEqual(['load 1/2', 'load 2/2']);
    unsubscribe();
  });
});
