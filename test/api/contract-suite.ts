// The API contract, written once and run against every transport: what a caller sees must not depend
// on how it reaches the station.
import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchProgress, KorrigoBridge } from '../../core/api/contract';
import { createStation } from '../../core/api/station';
import type { Station } from '../../core/api/station';
import { INTERNAL_MESSAGE } from '../../core/api/wire';
import { KorrigoError } from '../../core/errors';
import type { ProcessBatch } from '../../core/pipeline/process-options';
import { fakeProcessBatch } from './fake-pipeline';

export interface Connection {
  bridge: KorrigoBridge;
  close(): Promise<void>;
}

export function describeContract(
  transport: string,
  connect: (station: Station) => Promise<Connection>,
): void {
  describe(`station API over ${transport}`, () => {
    let dataDir: string;
    let pipeline: ProcessBatch;
    let logged: unknown[];
    let connection: Connection;
    let bridge: KorrigoBridge;

    beforeEach(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'korrigo-api-'));
      pipeline = fakeProcessBatch;
      logged = [];
      const station = createStation({
        dataDir,
        processBatch: (options) => pipeline(options),
        log: (error) => logged.push(error),
      });
      connection = await connect(station);
      bridge = connection.bridge;
    });

    afterEach(async () => {
      await connection.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('reports the version and the data dir', async () => {
      const reply = await bridge.invoke('station.info', {});
      expect(reply).toEqual({ ok: true, result: { version: bridge.version, dataDir } });
      expect(bridge.version).toMatch(/^\d+\.\d+\.\d+/);
    });

    it('processes a batch into the data dir, pushing progress, then lists and returns it', async () => {
      const progress: BatchProgress[] = [];
      const unsubscribe = bridge.on('batch.progress', (event) => progress.push(event));
      const reply = await bridge.invoke('batches.process', {
        scans: ['/scans/SKM1.pdf', '/scans/SKM2.pdf'],
        roster: '/r.csv',
      });
      unsubscribe();
      if (!reply.ok) throw new Error(`process failed: ${reply.error.message}`);

      const { batchId, manifest } = reply.result;
      expect(batchId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
      expect(manifest.sources.map((s) => s.file)).toEqual(['SKM1.pdf', 'SKM2.pdf']);
      expect(await readdir(join(dataDir, 'batches', batchId, 'copies'))).toEqual([
        'copy-1.pdf',
        'copy-2.pdf',
      ]);
      await expect.poll(() => progress.length).toBe(4);
      expect(progress.every((event) => event.batchId === batchId)).toBe(true);
      expect(progress.at(-1)).toMatchObject({ stage: 'write', done: 2, total: 2 });

      const list = await bridge.invoke('batches.list', {});
      expect(list).toEqual({
        ok: true,
        result: [
          {
            batchId,
            processedAt: reply.result.processedAt,
            sources: ['SKM1.pdf', 'SKM2.pdf'],
            copies: 2,
            needsReview: 2,
            invariantsHold: true,
          },
        ],
      });
      expect(await bridge.invoke('batches.get', { batchId })).toEqual(reply);
    });

    it('lists batches newest first and skips folders without a manifest', async () => {
      const first = await bridge.invoke('batches.process', { scans: ['/a.pdf'], roster: '/r.csv' });
      await mkdir(join(dataDir, 'batches', '20990101-000000-abcdef'));
      const second = await bridge.invoke('batches.process', { scans: ['/b.pdf'], roster: '/r.csv' });
      if (!first.ok || !second.ok) throw new Error('process failed');
      const anHourAgo = new Date(Date.now() - 3600_000);
      await utimes(join(dataDir, 'batches', first.result.batchId, 'manifest.json'), anHourAgo, anHourAgo);
      const list = await bridge.invoke('batches.list', {});
      expect(list.ok && list.result.map((b) => b.batchId)).toEqual([
        second.result.batchId,
        first.result.batchId,
      ]);
    });

    it('carries a KorrigoError across intact and leaves no half-written batch', async () => {
      pipeline = async ({ outDir }) => {
        await mkdir(join(outDir, 'copies'));
        throw new KorrigoError('not-a-pdf', 'notes.txt is not a PDF (it starts with "Hello")', {
          hint: 'Choose the PDF the scanner wrote',
        });
      };
      const reply = await bridge.invoke('batches.process', { scans: ['/notes.txt'], roster: '/r.csv' });
      expect(reply).toEqual({
        ok: false,
        error: {
          code: 'not-a-pdf',
          message: 'notes.txt is not a PDF (it starts with "Hello")',
          hint: 'Choose the PDF the scanner wrote',
        },
      });
      expect(await readdir(join(dataDir, 'batches'))).toEqual([]);
      expect(logged).toEqual([]);
    });

    it('hides the details of an unexpected failure and logs them', async () => {
      const bug = new TypeError('Cannot read properties of undefined (/home/secret/path)');
      pipeline = async () => {
        throw bug;
      };
      const reply = await bridge.invoke('batches.process', { scans: ['/a.pdf'], roster: '/r.csv' });
      expect(reply).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } });
      expect(logged).toEqual([bug]);
    });

    it('refuses an unknown method', async () => {
      const invokeAny = bridge.invoke as (name: string, args: unknown) => ReturnType<KorrigoBridge['invoke']>;
      for (const name of ['batches.delete', '__proto__', 'constructor', 'toString']) {
        const reply = await invokeAny(name, {});
        expect(reply.ok === false && reply.error.code).toBe('unknown-method');
      }
    });

    it('rejects bad arguments with bad-arguments, before any work', async () => {
      const invokeAny = bridge.invoke as (name: string, args: unknown) => ReturnType<KorrigoBridge['invoke']>;
      const cases: [string, unknown, RegExp][] = [
        ['batches.process', { scans: [], roster: '/r.csv' }, /scans needs at least one scanner PDF/],
        ['batches.process', { scans: ['/a.pdf'] }, /roster/],
        ['batches.process', { scans: ['/a.pdf'], roster: '/r.csv', outDir: '/etc' }, /outDir/],
        ['batches.process', { scans: [''], roster: '/r.csv' }, /scans\.0 must be a non-empty file path/],
        ['batches.get', { batchId: '../../etc' }, /batchId is not a batch id/],
        ['station.info', { extra: 1 }, /extra/],
        ['station.info', null, /Bad arguments for station.info/],
      ];
      for (const [name, args, message] of cases) {
        const reply = await invokeAny(name, args);
        expect(reply.ok === false && reply.error.code, `${name} ${JSON.stringify(args)}`).toBe(
          'bad-arguments',
        );
        expect(reply.ok === false && reply.error.message).toMatch(message);
      }
      const list = await bridge.invoke('batches.list', {});
      expect(list).toEqual({ ok: true, result: [] });
    });

    it('answers file-not-found for a batch that does not exist', async () => {
      const reply = await bridge.invoke('batches.get', { batchId: '20200101-000000-000000' });
      expect(reply.ok === false && reply.error.code).toBe('file-not-found');
    });
  });
}
