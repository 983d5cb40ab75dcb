// The loopback server attacked as another program of this computer would: replaying a spent login
// link, keeping a session after it ended or after the key rotated, naming files the browser never
// uploaded, following symlinks out of an export folder, flooding the inbox.
import { request } from 'node:http';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBridge } from '../../core/api/http-bridge';
import { createStation } from '../../core/station/station';
import type { Station } from '../../core/station/station';
import { startHttpServer } from '../../core/server/http-server';
import type { RunningServer } from '../../core/server/http-server';
import { errorCode, rawRequest } from '../api/http-request';
import { uploadingBridge } from '../api/uploading-bridge';
import { writeSampleBatch } from '../e2e/sample-batch';
import type { SampleBatch } from '../e2e/sample-batch';

const json = { 'content-type': 'application/json' };

describe('the loopback server under attack', () => {
  let root: string;
  let dataDir: string;
  let station: Station;
  let server: RunningServer;
  let sample: SampleBatch;
  let printedLinks: string[];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'korrigo-attack-'));
    dataDir = join(root, 'data');
    sample = await writeSampleBatch(root);
    // An upload a browser left two hours ago, never processed: a roster with students' data.
    const forgotten = join(dataDir, 'inbox', '00000000-0000-4000-8000-000000000000');
    await mkdir(forgotten, { recursive: true });
    await writeFile(join(forgotten, 'eleves.csv'), 'Élèves;Né(e) le\n');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(forgotten, twoHoursAgo, twoHoursAgo);
    station = createStation({ dataDir });
    printedLinks = [];
    server = await startHttpServer({
      station,
      maxInboxBytes: 64 * 1024,
      onLoginUrl: (url) => {
        printedLinks.push(url);
      },
    });
  });

  afterAll(async () => {
    await server.close();
    station.close();
    await rm(root, { recursive: true, force: true });
  });

  const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });
  const info = (credential: string) =>
    rawRequest(server.port, 'POST', '/api/station.info', { ...json, ...bearer(credential) }, '{}');
  const login = async (): Promise<string> => {
    const code = new URLSearchParams(new URL(server.loginUrl).hash.slice(1)).get('login') ?? '';
    const reply = await rawRequest(server.port, 'POST', '/session', bearer(code));
    return (JSON.parse(reply.body) as { result: { session: string } }).result.session;
  };

  it('creates its data dir owner-only, the database too', async () => {
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dataDir, 'station.sqlite'))).mode & 0o777).toBe(0o600);
  });

  it('takes back a data dir an older station left world-readable', async () => {
    const old = join(root, 'old-data');
    await mkdir(old, { mode: 0o755 });
    await chmod(old, 0o755);
    createStation({ dataDir: old }).close();
    expect((await stat(old)).mode & 0o777).toBe(0o700);
  });

  it('removed the upload a browser forgot hours ago when it started', async () => {
    expect(await readdir(join(dataDir, 'inbox'))).toEqual([]);
  });

  it('never reads a cookie, not even one holding a live session id', async () => {
    const session = await login();
    expect((await info(session)).status).toBe(200);
    const byCookie = await rawRequest(
      server.port,
      'POST',
      '/api/station.info',
      { ...json, cookie: `korrigo-session-${server.port}=${session}; korrigo-session=${server.token}` },
      '{}',
    );
    expect(byCookie.status).toBe(403);
  });

  it('prints a fresh login link once one is spent, and the spent one opens nothing', async () => {
    const spent = server.loginUrl;
    await login();
    expect(printedLinks.at(-1)).toBe(server.loginUrl);
    expect(server.loginUrl).not.toBe(spent);
    const code = new URLSearchParams(new URL(spent).hash.slice(1)).get('login') ?? '';
    expect((await rawRequest(server.port, 'POST', '/session', bearer(code))).status).toBe(403);
  });

  it('ends a session on request, its event stream with it', async () => {
    const session = await login();
    const { streamClosed } = await new Promise<{ streamClosed: Promise<void> }>((opened) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/events', headers: bearer(session), agent: false },
        (res) => {
          expect(res.statusCode).toBe(200);
          opened({ streamClosed: new Promise((closed) => res.on('end', () => closed())) });
          res.resume();
        },
      );
      req.end();
    });
    const end = await rawRequest(server.port, 'POST', '/session/end', bearer(session));
    expect(end.status).toBe(200);
    await streamClosed;
    expect((await info(session)).status).toBe(403);
  });

  it('rotates its key: the old key and every session stop working, the new link works', async () => {
    const session = await login();
    const oldKey = server.token;
    const rotated = await rawRequest(server.port, 'POST', '/session/rotate', bearer(oldKey));
    const { loginUrl } = (JSON.parse(rotated.body) as { result: { loginUrl: string } }).result;
    expect(loginUrl).toBe(server.loginUrl);
    expect(printedLinks.at(-1)).toBe(loginUrl);
    expect((await info(oldKey)).status).toBe(403);
    expect((await info(session)).status).toBe(403);
    expect((await info(server.token)).status).toBe(200);
    expect((await info(await login())).status).toBe(200);
  });

  it('reads no file a browser did not upload, and does not tell whether it exists', async () => {
    const inboxLink = join(dataDir, 'inbox', '11111111-1111-4111-8111-111111111111');
    await mkdir(inboxLink, { recursive: true });
    await symlink('/etc/passwd', join(inboxLink, 'eleves.csv'));
    const answers = [];
    for (const roster of ['/etc/passwd', '/etc/no-such-file', '/dev/zero', join(inboxLink, 'eleves.csv')]) {
      const started = Date.now();
      const reply = await rawRequest(
        server.port,
        'POST',
        '/api/batches.process',
        { ...json, ...bearer(server.token) },
        JSON.stringify({ scans: ['/etc/hostname'], roster }),
      );
      expect(Date.now() - started, roster).toBeLessThan(2000);
      expect(reply.status, roster).toBe(403);
      expect(reply.body).not.toMatch(/root:|hostname|not found|No such/);
      answers.push(JSON.parse(reply.body) as unknown);
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  });

  it('spends uploads once a call has read them', async () => {
    const bridge = uploadingBridge(createHttpBridge({ baseUrl: server.origin, token: server.token }));
    const reply = await bridge.invoke('batches.process', { scans: [sample.notAPdf], roster: sample.roster });
    expect(reply.ok === false && reply.error.code).toBe('not-a-pdf');
    expect(await readdir(join(dataDir, 'inbox'))).toEqual([]);
  });

  it('lets no browser choose a folder the station writes to', async () => {
    const bridge = uploadingBridge(createHttpBridge({ baseUrl: server.origin, token: server.token }));
    const outDir = join(root, 'chosen-by-a-browser');
    const processed = await bridge.invoke('batches.process', {
      scans: [sample.notAPdf],
      roster: sample.roster,
      outDir,
    });
    const exported = await bridge.invoke('batches.export', { batchId: '0123456789ab', outDir });
    // Nor the folder it watches: the station would read whatever lands there.
    const watched = await bridge.invoke('station.setHotFolder', { folder: root, roster: sample.roster });
    const stopped = await bridge.invoke('station.setHotFolder', { folder: null });
    for (const reply of [processed, exported, watched, stopped])
      expect(reply.ok === false && reply.error.code).toBe('forbidden');
    await expect(readdir(outDir)).rejects.toThrow(/ENOENT/);
  });

  it('serves only PDFs whose real path is inside the batch export, not what a symlink points to', async () => {
    const batchId = '0123456789ab';
    const copies = join(dataDir, 'exports', batchId, 'copies');
    await mkdir(copies, { recursive: true });
    await writeFile(join(root, 'secret.pdf'), '%PDF-1.7 not for the browser');
    await symlink(join(root, 'secret.pdf'), join(copies, 'c1.pdf'));
    await symlink('/etc/passwd', join(copies, 'c2.pdf'));
    await writeFile(join(copies, 'c3.pdf'), '%PDF-1.7 a copy');
    await symlink(join(copies, 'c3.pdf'), join(copies, 'c4.pdf'));
    await writeFile(join(copies, 'notes.txt'), 'not a copy');
    const get = (file: string) =>
      rawRequest(server.port, 'GET', `/files/${batchId}/copies/${file}`, bearer(server.token));
    for (const file of ['c1.pdf', 'c2.pdf', 'notes.txt']) {
      const response = await get(file);
      expect(response.status, file).toBe(404);
      expect(response.body).not.toMatch(/not for the browser|root:|not a copy/);
    }
    expect((await get('c3.pdf')).body).toBe('%PDF-1.7 a copy');
    expect((await get('c4.pdf')).body).toBe('%PDF-1.7 a copy');
  });

  it('refuses upload names that are too long or a Windows device, in words', async () => {
    const bridge = createHttpBridge({ baseUrl: server.origin, token: server.token });
    const longName = `${'é'.repeat(300)}.csv`;
    const long = await bridge.upload(new Blob(['x']), longName);
    expect(long.ok === false && long.error).toMatchObject({
      code: 'bad-arguments',
      message: expect.stringMatching(/file name is too long \(604 bytes, at most 200\)/),
    });
    for (const name of ['CON', 'nul.csv', 'Com1.pdf', 'LPT9']) {
      const device = await bridge.upload(new Blob(['x']), name);
      expect(device.ok === false && device.error.message, name).toMatch(/Windows reserves for a device/);
    }
    expect(await readdir(join(dataDir, 'inbox'))).toEqual([]);
  });

  it('keeps the inbox within its quota', async () => {
    const bridge = createHttpBridge({ baseUrl: server.origin, token: server.token });
    const first = await bridge.upload(new Blob([new Uint8Array(40 * 1024)]), 'a.pdf');
    expect(first.ok).toBe(true);
    const second = await bridge.upload(new Blob([new Uint8Array(40 * 1024)]), 'b.pdf');
    expect(second.ok === false && second.error.message).toMatch(/inbox is full/);
    await rm(join(dataDir, 'inbox'), { recursive: true, force: true });
  });

  it('takes four uploads at a time, not more', async () => {
    const hanging = Array.from({ length: 4 }, () => {
      const req = request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/upload',
        headers: { ...bearer(server.token), 'x-korrigo-file-name': 'slow.pdf' },
        agent: false,
      });
      req.on('error', () => {});
      req.write('%PDF-');
      return req;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fifth = await rawRequest(
      server.port,
      'POST',
      '/upload',
      { ...bearer(server.token), 'x-korrigo-file-name': 'fifth.pdf' },
      '%PDF-',
    );
    expect([fifth.status, errorCode(fifth)]).toEqual([429, 'busy']);
    for (const req of hanging) req.destroy();
  });
});
