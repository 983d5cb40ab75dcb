// The Electron binary cannot run here, but its bundles can be checked: the sandboxed preload must be one
// file that needs nothing but electron, and the core host must serve the API from its CommonJS bundle
// (driven through a stand-in for Electron's process.parentPort), opening its store where main says.
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchDetail } from '../../core/api/contract';
import type { CoreHostMessage, InvokeMessage } from '../../electron/host-messages';
import { generateBatch } from '../generator/generate';
import { writeBatch } from '../generator/write-batch';
import { writeSampleBatch } from './sample-batch';
import type { SampleBatch } from './sample-batch';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist-electron');

/** Loads core-host.cjs with a fake parentPort, posts the messages, prints what the host posts back. */
const PARENT_PORT_SHIM = `
const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (message) => process.stdout.write(JSON.stringify(message) + '\\n');
process.parentPort = port;
require(process.env.CORE_HOST);
for (const data of JSON.parse(process.env.MESSAGES)) port.emit('message', { data });
`;

/** `dataDir` stands for the app.getPath('userData') main passes; undefined runs the host without it. */
async function runCoreHost(
  dataDir: string | undefined,
  messages: InvokeMessage[],
): Promise<CoreHostMessage[]> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CORE_HOST: join(BUNDLE, 'core-host.cjs'),
    MESSAGES: JSON.stringify(messages),
    KORRIGO_DATA_DIR: dataDir,
  };
  if (dataDir === undefined) delete env.KORRIGO_DATA_DIR;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', PARENT_PORT_SHIM], { env });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CoreHostMessage);
}

describe('the Electron bundles', () => {
  let root: string;
  let sample: SampleBatch;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'korrigo-electron-'));
    sample = await writeSampleBatch(root);
    const builder = await createBuilder({
      configFile: join(ROOT, 'vite.electron.config.ts'),
      logLevel: 'warn',
    });
    await builder.buildApp();
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('builds a preload that requires electron and nothing else', async () => {
    const preload = await readFile(join(BUNDLE, 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1])).toEqual([
      'electron',
    ]);
    expect(preload).toContain('exposeInMainWorld("korrigo"');
  });

  it('serves the API from the core host bundle, pushes included, from a store in the userData dir', async () => {
    const dataDir = join(root, 'user-data');
    const scans = [sample.scans.skm1, sample.scans.skm2];
    const messages = await runCoreHost(dataDir, [
      { type: 'invoke', id: 1, name: 'station.info', args: {} },
      { type: 'invoke', id: 2, name: 'batches.process', args: { scans, roster: sample.roster } },
      { type: 'invoke', id: 3, name: 'shell.exec', args: {} },
    ]);
    const replies = new Map(messages.flatMap((m) => (m.type === 'reply' ? [[m.id, m.reply] as const] : [])));
    expect(replies.get(1)).toMatchObject({ ok: true, result: { dataDir } });
    const processed = replies.get(2);
    if (!processed?.ok) throw new Error(`process failed: ${JSON.stringify(processed)}`);
    const { batchId, manifest } = processed.result as BatchDetail;
    expect(manifest.copies).toHaveLength(2);
    expect(replies.get(3)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const stages = new Set(
      messages.flatMap((m) =>
        m.type === 'push' && m.push.event === 'batch.progress' ? [m.push.payload.stage] : [],
      ),
    );
    expect([...stages]).toEqual(['load', 'classify', 'identify', 'split', 'write']);

    // The store and the exports are in that folder, and a new core process finds the batch there. The first
    // screen's thumbnails are made there too, off the batch's path: they may not have started yet.
    const made = (await readdir(dataDir)).filter(
      (name) => !name.startsWith('station.sqlite-') && name !== 'thumbs',
    );
    expect(made.sort()).toEqual(['exports', 'scans', 'station.sqlite']);
    await access(join(dataDir, 'exports', batchId, manifest.copies[0]!.file));
    const [listed] = await runCoreHost(dataDir, [{ type: 'invoke', id: 1, name: 'batches.list', args: {} }]);
    expect(listed).toMatchObject({
      type: 'reply',
      reply: { ok: true, result: [{ batchId, state: 'planned', copies: 2 }] },
    });
    // A thumbnail no reading made (a large one) is made on the cache's thread, thumbnail-worker.cjs.
    const page = manifest.copies[0]!.pages[0]!;
    const sha256 = manifest.sources[page.file - 1]!.sha256;
    const key = { sha256, page: page.source, half: page.half, rotate: page.rotate, size: 'large' as const };
    const [thumbnail] = await runCoreHost(dataDir, [
      { type: 'invoke', id: 1, name: 'pages.thumbnail', args: key },
    ]);
    expect(thumbnail).toMatchObject({ type: 'reply', reply: { ok: true } });
    await access(join(dataDir, 'thumbs', sha256, `${page.source}-${page.half}-${page.rotate}-large.webp`));
  });

  it('reads the sides on worker threads started from the bundle, identifying the students', async () => {
    // Sides are read in read-worker.cjs, which the core host finds beside itself at run time.
    await access(join(BUNDLE, 'read-worker.cjs'));
    const batch = await generateBatch({ seed: 23, shape: 'compact', dpi: 150, students: 3 });
    const dir = join(root, 'generated');
    await mkdir(dir);
    const { scans, roster } = await writeBatch(batch, dir);
    const messages = await runCoreHost(join(root, 'identify-data'), [
      { type: 'invoke', id: 1, name: 'batches.process', args: { scans, roster } },
    ]);
    const reply = messages.find((m) => m.type === 'reply');
    if (reply?.type !== 'reply' || !reply.reply.ok)
      throw new Error(`process failed: ${JSON.stringify(reply)}`);
    const { manifest } = reply.reply.result as BatchDetail;
    // Whose each scanned side is, from the generator's truth.
    const writer = new Map(batch.truth.pages.map((page) => [page.id, page.student]));
    const sideOwner = new Map(
      batch.truth.sides.map((side) => [`${side.file}:${side.source}`, writer.get(side.left ?? side.full!)]),
    );
    const ready = manifest.copies.filter((copy) => copy.status === 'ready');
    expect(ready.length).toBeGreaterThanOrEqual(2);
    for (const copy of ready) {
      expect(copy.pages.map((page) => sideOwner.get(`${page.file}:${page.source}`))).toEqual(
        copy.pages.map(() => copy.student!.email),
      );
    }
    expect(manifest.copies.flatMap((copy) => copy.reasons).join('\n')).not.toMatch(
      /could not be read|took over/,
    );
  });

  it('refuses to start without the userData folder from main', async () => {
    const failure = await runCoreHost(undefined, []).catch((error: unknown) => error);
    expect(failure).toMatchObject({ stderr: expect.stringContaining('KORRIGO_DATA_DIR is not set') });
  });

  it('answers every call with the reason when the store cannot be opened', async () => {
    const dataDir = join(root, 'foreign');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'station.sqlite'), 'not a database, but a file someone put here');
    const [reply] = await runCoreHost(dataDir, [{ type: 'invoke', id: 7, name: 'batches.list', args: {} }]);
    expect(reply).toMatchObject({
      type: 'reply',
      id: 7,
      reply: {
        ok: false,
        error: { code: 'file-unreadable', message: expect.stringMatching(/not a database of this station/) },
      },
    });
  });
});
