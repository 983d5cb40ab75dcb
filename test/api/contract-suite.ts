// The API contract, written once and run against every transport: what a caller sees must not depend
// on how it reaches the station. The station runs the real store and jobs on a tiny two-sheet batch.
import { access, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BatchDetail, BatchProgress, KorrigoBridge } from '../../core/api/contract';
import { batchExportDir } from '../../core/data-dir';
import { createStation } from '../../core/station/station';
import type { Station } from '../../core/station/station';
import { INTERNAL_MESSAGE } from '../../core/api/wire';
import type { ExportJob } from '../../core/station/batch-exports';
import { exportBatch } from '../../core/jobs/export-batch';
import { writeSampleBatch } from '../e2e/sample-batch';
import type { SampleBatch } from '../e2e/sample-batch';

/** The /Rotate of each page of a copy PDF, as a viewer turns it. */
async function pageTurns(path: string): Promise<number[]> {
  const pdf = await PDFDocument.load(await readFile(path));
  return pdf.getPages().map((page) => page.getRotation().angle % 360);
}

export interface Connection {
  bridge: KorrigoBridge;
  close(): Promise<void>;
}

/** A student exactly as the sample roster has them: the store refuses anyone else. */
const SADRI = {
  name: 'BEN JEMAA SADRI',
  email: 'sadri.benjemaa@exemple.fr',
  birthDate: '2008-09-21',
  className: 'T.01',
};

export function describeContract(
  transport: string,
  connect: (station: Station) => Promise<Connection>,
): void {
  describe(`station API over ${transport}`, () => {
    let sampleDir: string;
    let sample: SampleBatch;
    let dataDir: string;
    let exportJob: ExportJob;
    let logged: unknown[];
    let station: Station;
    let connection: Connection;
    let bridge: KorrigoBridge;

    const processSample = async (): Promise<BatchDetail> => {
      const reply = await bridge.invoke('batches.process', {
        scans: [sample.scans.skm1, sample.scans.skm2],
        roster: sample.roster,
      });
      if (!reply.ok) throw new Error(`process failed: ${reply.error.message}`);
      return reply.result;
    };

    beforeAll(async () => {
      sampleDir = await mkdtemp(join(tmpdir(), 'korrigo-api-sample-'));
      sample = await writeSampleBatch(sampleDir);
    });

    afterAll(async () => {
      await rm(sampleDir, { recursive: true, force: true });
    });

    beforeEach(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'korrigo-api-'));
      exportJob = exportBatch;
      logged = [];
      station = createStation({
        dataDir,
        operator: 'salle-b',
        exportJob: (...args) => exportJob(...args),
        log: (error) => logged.push(error),
      });
      connection = await connect(station);
      bridge = connection.bridge;
    });

    afterEach(async () => {
      await connection.close();
      station.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('reports the version and the data dir', async () => {
      const reply = await bridge.invoke('station.info', {});
      expect(reply).toEqual({ ok: true, result: { version: bridge.version, dataDir } });
      expect(bridge.version).toMatch(/^\d+\.\d+\.\d+/);
    });

    it('processes scans into the store of the data dir, pushing progress, then lists and returns the batch', async () => {
      const progress: BatchProgress[] = [];
      const unsubscribe = bridge.on('batch.progress', (event) => progress.push(event));
      const detail = await processSample();

      const { batchId, manifest } = detail;
      expect(batchId).toMatch(/^[0-9a-f]{12}$/);
      expect(manifest.sources.map((s) => s.file)).toEqual(['SKM1.pdf', 'SKM2.pdf']);
      expect(manifest.copies).toHaveLength(2);
      expect(detail).toMatchObject({ canUndo: false, canRedo: false });
      await access(join(dataDir, 'station.sqlite'));
      // The copies are exported where the UI's file links point.
      const exported = join(dataDir, 'exports', batchId);
      expect((await readdir(join(exported, 'copies'))).sort()).toEqual(
        manifest.copies.map((copy) => copy.file.replace('copies/', '')).sort(),
      );
      expect(JSON.parse(await readFile(join(exported, 'manifest.json'), 'utf8'))).toEqual(manifest);

      // Over HTTP the pushes may trail the reply.
      await expect.poll(() => progress.at(-1)).toMatchObject({ stage: 'write', done: 1, total: 1 });
      unsubscribe();
      expect(new Set(progress.map((event) => event.runId)).size).toBe(1);
      // The batch is named by its scans' content: unknown until they are read.
      expect(progress.filter((event) => event.batchId === null).map((event) => event.stage)).toEqual([
        'load',
        'load',
      ]);
      expect(new Set(progress.slice(2).map((event) => event.batchId))).toEqual(new Set([batchId]));

      const list = await bridge.invoke('batches.list', {});
      expect(list).toEqual({
        ok: true,
        result: [
          {
            batchId,
            createdAt: detail.createdAt,
            state: 'planned',
            sources: ['SKM1.pdf', 'SKM2.pdf'],
            roster: 'eleves.csv',
            copies: 2,
            ready: 0,
            needsReview: 2,
            synced: 0,
            invariantsHold: true,
          },
        ],
      });
      expect(await bridge.invoke('batches.get', { batchId })).toEqual({ ok: true, result: detail });
    });

    it('finds the same batch when the same scans are processed again', async () => {
      const first = await processSample();
      const second = await processSample();
      expect(second).toEqual(first);
      const list = await bridge.invoke('batches.list', {});
      expect(list.ok && list.result.map((batch) => batch.batchId)).toEqual([first.batchId]);
    });

    it('rebuilds a deleted export from the store', async () => {
      const { batchId, manifest } = await processSample();
      await rm(batchExportDir(dataDir, batchId), { recursive: true });
      const reply = await bridge.invoke('batches.get', { batchId });
      expect(reply.ok && reply.result.manifest).toEqual(manifest);
      const copy = await readFile(join(batchExportDir(dataDir, batchId), manifest.copies[0]!.file));
      expect(copy.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('records decisions, undoes and redoes them, and keeps the exported copies in step', async () => {
      const { batchId, manifest } = await processSample();
      const first = manifest.copies[0]!;
      const copyPath = join(batchExportDir(dataDir, batchId), first.file);
      const before = await readFile(copyPath);

      const assigned = await bridge.invoke('copies.decide', {
        batchId,
        decision: { kind: 'assign-student', copyId: first.id, student: SADRI },
      });
      expect(assigned.ok && assigned.result.manifest.copies[0]!.student).toEqual(SADRI);
      expect(assigned.ok && assigned.result).toMatchObject({ canUndo: true, canRedo: false });

      const validated = await bridge.invoke('copies.decide', {
        batchId,
        decision: { kind: 'validate-copy', copyId: first.id },
      });
      expect(validated.ok && validated.result.manifest.copies[0]!.status).toBe('ready');
      const list = await bridge.invoke('batches.list', {});
      expect(list.ok && list.result[0]).toMatchObject({ ready: 1, needsReview: 1 });

      const undone = await bridge.invoke('copies.undo', { batchId });
      expect(undone.ok && undone.result.manifest.copies[0]!.status).toBe('needs_review');
      expect(undone.ok && undone.result).toMatchObject({ canUndo: true, canRedo: true });
      const redone = await bridge.invoke('copies.redo', { batchId });
      expect(redone.ok && redone.result.manifest.copies[0]!.status).toBe('ready');

      // A page turned: same copy id, new content, and the file served is the new one.
      const turned = await bridge.invoke('copies.decide', {
        batchId,
        decision: { kind: 'rotate-page', page: first.pages[0]!, rotate: 180 },
      });
      expect(turned.ok && turned.result.manifest.copies[0]!.pages[0]!.rotate).toBe(180);
      expect(turned.ok && turned.result.manifest.copies[0]!.file).toBe(first.file);
      // The answer does not wait for the copy PDFs; batches.get does (the files match what it says).
      const shown = await bridge.invoke('batches.get', { batchId });
      expect(shown.ok && shown.result.manifest).toEqual(turned.ok && turned.result.manifest);
      expect((await readFile(copyPath)).equals(before)).toBe(false);
      expect(await pageTurns(copyPath)).toEqual([180, 0, 0, 0]);
      expect(
        turned.ok && JSON.parse(await readFile(join(dataDir, 'exports', batchId, 'manifest.json'), 'utf8')),
      ).toEqual(turned.ok && turned.result.manifest);

      const history = await bridge.invoke('batches.history', { batchId });
      if (!history.ok) throw new Error(history.error.message);
      expect(history.result.log.map((entry) => [entry.seq, entry.operator, entry.action.kind])).toEqual([
        [1, 'salle-b', 'assign-student'],
        [2, 'salle-b', 'validate-copy'],
        [3, 'salle-b', 'undo'],
        [4, 'salle-b', 'redo'],
        [5, 'salle-b', 'rotate-page'],
      ]);
      expect(history.result).toMatchObject({ undoable: 5, redoable: null });
    });

    it('answers decisions before their copy PDFs, which an export or batches.get then finds right', async () => {
      const { batchId, manifest } = await processSample();
      const [first, second] = manifest.copies.map((copy) => copy.pages[0]!);
      const seqs: number[] = [];
      // Decisions one after the other, none waiting for the rewrite of the PDFs the one before changed.
      for (const [page, rotate] of [
        [first!, 90],
        [second!, 270],
        [first!, 180],
      ] as const) {
        const reply = await bridge.invoke('copies.decide', {
          batchId,
          decision: { kind: 'rotate-page', page, rotate },
        });
        if (!reply.ok) throw new Error(reply.error.message);
        seqs.push(reply.result.seq);
      }
      expect(seqs).toEqual([1, 2, 3]);
      const quick = await bridge.invoke('batches.get', { batchId, waitForFiles: false });
      expect(quick.ok && quick.result.manifest.copies.map((copy) => copy.pages[0]!.rotate)).toEqual([
        180, 270,
      ]);
      // An export to a folder, asked at once, holds every decision (the station's own caller: a browser
      // may not choose where the station writes).
      const outDir = join(dataDir, 'handed-out');
      const exported = await station.dispatch('batches.export', { batchId, outDir });
      if (!exported.ok) throw new Error(exported.error.message);
      const { copies } = (exported.result as BatchDetail).manifest;
      for (const folder of [outDir, batchExportDir(dataDir, batchId)]) {
        const files = copies.map((copy) => join(folder, copy.file));
        expect(await pageTurns(files[0]!)).toEqual([180, 0, 0, 0]);
        expect((await pageTurns(files[1]!))[0]).toBe(270);
      }
      const shown = await bridge.invoke('batches.get', { batchId });
      expect(shown.ok && shown.result.manifest).toEqual(quick.ok && quick.result.manifest);
    });

    it('refuses a decision that does not apply, and changes nothing', async () => {
      const { batchId, manifest } = await processSample();
      const refusals = [
        [{ kind: 'validate-copy', copyId: manifest.copies[0]!.id }, 'decision-invalid'],
        [
          { kind: 'assign-student', copyId: manifest.copies[0]!.id, student: { ...SADRI, name: 'X' } },
          'decision-invalid',
        ],
        [{ kind: 'merge-copies', copyId: 'nope', intoCopyId: manifest.copies[0]!.id }, 'copy-not-found'],
      ] as const;
      for (const [decision, code] of refusals) {
        const reply = await bridge.invoke('copies.decide', { batchId, decision });
        expect(reply.ok === false && reply.error, decision.kind).toMatchObject({
          code,
          message: expect.stringMatching(/decision refused/),
        });
      }
      for (const name of ['copies.undo', 'copies.redo'] as const) {
        const reply = await bridge.invoke(name, { batchId });
        expect(reply.ok === false && reply.error).toMatchObject({
          code: 'decision-invalid',
          message: expect.stringMatching(/nothing to (undo|redo)/),
        });
      }
      const history = await bridge.invoke('batches.history', { batchId });
      expect(history).toEqual({ ok: true, result: { log: [], undoable: null, redoable: null } });
      expect(await bridge.invoke('batches.get', { batchId })).toMatchObject({
        ok: true,
        result: { manifest },
      });
    });

    it('carries a KorrigoError across intact and stores nothing', async () => {
      const reply = await bridge.invoke('batches.process', {
        scans: [sample.notAPdf],
        roster: sample.roster,
      });
      expect(reply).toMatchObject({ ok: false, error: { code: 'not-a-pdf' } });
      expect(reply.ok === false && reply.error.message).toContain('notes.pdf');
      expect(await bridge.invoke('batches.list', {})).toEqual({ ok: true, result: [] });
      expect(logged).toEqual([]);
    });

    it('hides the details of an unexpected failure and logs them', async () => {
      const bug = new TypeError('Cannot read properties of undefined (/home/secret/path)');
      exportJob = async () => {
        throw bug;
      };
      const reply = await bridge.invoke('batches.process', {
        scans: [sample.scans.skm1, sample.scans.skm2],
        roster: sample.roster,
      });
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
      const batchId = '0123456789ab';
      const page = { file: 1, source: 1, half: 'right' };
      const cases: [string, unknown, RegExp][] = [
        ['batches.process', { scans: [], roster: '/r.csv' }, /scans needs at least one scanner PDF/],
        ['batches.process', { scans: ['/a.pdf'] }, /roster/],
        [
          'batches.process',
          { scans: ['/a.pdf'], roster: '/r.csv', outDir: ' ' },
          /outDir must be a non-empty/,
        ],
        ['batches.process', { scans: ['/a.pdf'], roster: '/r.csv', out: '/etc' }, /out/],
        ['batches.export', { batchId }, /outDir/],
        ['batches.process', { scans: [''], roster: '/r.csv' }, /scans\.0 must be a non-empty file path/],
        ['batches.get', { batchId: '../../etc' }, /batchId is not a batch id/],
        ['batches.history', {}, /batchId/],
        ['copies.undo', { batchId: 'ABC' }, /batchId is not a batch id/],
        ['copies.decide', { batchId, decision: { kind: 'delete-copy', copyId: 'c' } }, /decision\.kind/],
        [
          'copies.decide',
          { batchId, decision: { kind: 'rotate-page', page, rotate: 45 } },
          /decision\.rotate/,
        ],
        ['copies.decide', { batchId, decision: { kind: 'split-copy', copyId: 'c', at: 0 } }, /decision\.at/],
        ['copies.decide', { batchId, decision: { kind: 'validate-copy', copyId: 'c', by: 'x' } }, /by/],
        ['copies.decide', { batchId }, /decision/],
        ['station.info', { extra: 1 }, /extra/],
        ['station.info', null, /Bad arguments for station.info/],
      ];
      for (const [name, args, message] of cases) {
        const reply = await invokeAny(name, args);
        expect(reply.ok === false && reply.error.code, `${name} ${JSON.stringify(args)}`).toBe(
          'bad-arguments',
        );
        expect(reply.ok === false && reply.error.message, `${name} ${JSON.stringify(args)}`).toMatch(message);
      }
      const list = await bridge.invoke('batches.list', {});
      expect(list).toEqual({ ok: true, result: [] });
    });

    it('names a batch the store does not have', async () => {
      for (const name of ['batches.get', 'batches.history', 'copies.undo'] as const) {
        const reply = await bridge.invoke(name, { batchId: '0123456789ab' });
        expect(reply.ok === false && reply.error, name).toMatchObject({
          code: 'batch-not-found',
          message: expect.stringMatching(/no batch 0123456789ab in /),
        });
      }
    });
  });
}
