import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKorrigoError } from '../../core/errors';
import { exportBatch } from '../../core/jobs/export-batch';
import { importBatch } from '../../core/jobs/import-batch';
import { processInto } from '../../core/jobs/process-scans';
import { processBatch } from '../../core/jobs/process-scans';
import { scanPath } from '../../core/store/scan-files';
import { useTempDir } from '../pipeline/temp-dir';
import { FIXED_NOW, useStores, writeExamDay, writeRoster } from '../store/store-fixture';

const tempDir = useTempDir();
const openTestStore = useStores(tempDir);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file of an output folder by relative path, as hashes: two folders compare in one assertion. */
async function folderContents(dir: string): Promise<Record<string, string>> {
  const contents: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    if ((await stat(path)).isFile()) contents[name] = sha256(await readFile(path));
  }
  return contents;
}

describe('processing with the store', () => {
  it("writes the same with the operator's store as with a throw-away one: same manifest, same copy bytes", async () => {
    const scans = await writeExamDay(tempDir());
    const roster = await writeRoster(tempDir());
    const plain = await processBatch({ scans, roster, outDir: join(tempDir(), 'plain') });
    const store = openTestStore({ now: FIXED_NOW });
    const { manifest } = await processInto(store, { scans, roster, outDir: join(tempDir(), 'stored') });

    expect(manifest).toEqual(plain);
    expect(manifest.copies).toHaveLength(5);
    expect(await folderContents(join(tempDir(), 'stored'))).toEqual(
      await folderContents(join(tempDir(), 'plain')),
    );
  });

  it('imports the same files once: the same batch, each scan stored once, read-only, originals untouched', async () => {
    const scans = await writeExamDay(tempDir());
    const roster = await writeRoster(tempDir());
    const originals = await Promise.all(scans.map(async (scan) => sha256(await readFile(scan))));
    const store = openTestStore({ now: FIXED_NOW });

    const first = await importBatch(store, { scans, roster });
    const again = await importBatch(store, { scans, roster });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.batch.id).toBe(first.batch.id);
    expect(store.db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 1 });
    expect(store.db.prepare('SELECT count(*) AS n FROM scans').get()).toEqual({ n: 2 });
    expect(store.db.prepare('SELECT count(*) AS n FROM roster_students').get()).toEqual({ n: 3 });

    expect((await readdir(store.scansDir)).sort()).toEqual(originals.map((hash) => `${hash}.pdf`).sort());
    for (const hash of originals) {
      const stored = scanPath(store.scansDir, hash);
      expect(sha256(await readFile(stored))).toBe(hash);
      expect((await stat(stored)).mode & 0o222).toBe(0);
    }
    expect(await Promise.all(scans.map(async (scan) => sha256(await readFile(scan))))).toEqual(originals);

    // The same scans in another order are another stack, so another batch.
    const reversed = await importBatch(store, { scans: [...scans].reverse(), roster });
    expect(reversed.batch.id).not.toBe(first.batch.id);
  });

  it('refuses another roster for a batch already imported, said in words, and changes nothing', async () => {
    const scans = await writeExamDay(tempDir());
    const store = openTestStore({ now: FIXED_NOW });
    const first = await importBatch(store, { scans, roster: await writeRoster(tempDir()) });
    const corrected = await writeRoster(
      tempDir(),
      'Élèves,Né(e) le,Classe,Adresse E-mail\nDUPONT MARIE,12/03/2008,T.01,marie.dupont@example.fr\n',
      'eleves-v2.csv',
    );
    await expect(importBatch(store, { scans, roster: corrected })).rejects.toThrow(
      new RegExp(
        `these scans are already batch ${first.batch.id}, identified against the roster eleves\\.csv`,
      ),
    );
    const manifest = await exportBatch(store, first.batch.id, join(tempDir(), 'out'));
    expect(manifest.roster.file).toBe('eleves.csv');
  });

  it('exports again from the stored scans alone, after the operator deleted the originals', async () => {
    const scans = await writeExamDay(tempDir());
    const roster = await writeRoster(tempDir());
    const store = openTestStore({ now: FIXED_NOW });
    const { batchId, manifest } = await processInto(store, {
      scans,
      roster,
      outDir: join(tempDir(), 'first'),
    });
    for (const file of [...scans, roster]) await rm(file);

    const again = await exportBatch(store, batchId, join(tempDir(), 'second'));
    expect(again).toEqual(manifest);
    expect(await folderContents(join(tempDir(), 'second'))).toEqual(
      await folderContents(join(tempDir(), 'first')),
    );
  });

  it('writes again only the copies missing or changed in the output folder', async () => {
    const scans = await writeExamDay(tempDir());
    const roster = await writeRoster(tempDir());
    const store = openTestStore({ now: FIXED_NOW });
    const outDir = join(tempDir(), 'out');
    const { batchId, manifest } = await processInto(store, { scans, roster, outDir });
    const before = await folderContents(outDir);
    const [deleted, damaged, kept] = manifest.copies.map((copy) => join(outDir, copy.file));
    const keptTime = (await stat(kept!)).mtimeMs;
    await rm(deleted!);
    await writeFile(damaged!, 'not the copy any more');
    await new Promise((resolve) => setTimeout(resolve, 20));

    await exportBatch(store, batchId, outDir);
    expect(await folderContents(outDir)).toEqual(before);
    expect((await stat(kept!)).mtimeMs).toBe(keptTime);
  });

  it('removes the temporary files a killed export left beside the manifest and among the copies, and only those', async () => {
    const scans = await writeExamDay(tempDir());
    const roster = await writeRoster(tempDir());
    const store = openTestStore({ now: FIXED_NOW });
    const outDir = join(tempDir(), 'out');
    const { batchId } = await processInto(store, { scans, roster, outDir });
    // What a process killed inside writeFileAtomic leaves, and two files of the operator's that look alike.
    await writeFile(join(outDir, '.manifest.json.4242-0bee88e7.tmp'), '{"half": ');
    await writeFile(join(outDir, 'copies', '.0123456789ab-p0001-right.pdf.4242-0bee88e7.tmp'), '%PDF-1.7');
    await writeFile(join(outDir, '.manifest.json.notes.tmp'), 'mine');
    await writeFile(join(outDir, 'notes.txt'), 'mine');
    const operators = await folderContents(outDir);
    delete operators['.manifest.json.4242-0bee88e7.tmp'];
    delete operators['copies/.0123456789ab-p0001-right.pdf.4242-0bee88e7.tmp'];

    await exportBatch(store, batchId, outDir);
    expect(await folderContents(outDir)).toEqual(operators);
  });

  it('refuses to export from a stored scan that was modified, naming the original file', async () => {
    const scans = await writeExamDay(tempDir());
    const store = openTestStore({ now: FIXED_NOW });
    const { batch, sources } = await importBatch(store, { scans, roster: await writeRoster(tempDir()) });
    const stored = scanPath(store.scansDir, sources[1]!.sha256);
    await chmod(stored, 0o644);
    const bytes = await readFile(stored);
    await writeFile(stored, Buffer.concat([bytes, Buffer.from('\n% appended by someone\n')]));

    const refused = await exportBatch(store, batch.id, join(tempDir(), 'out')).catch(
      (error: unknown) => error,
    );
    expect(isKorrigoError(refused)).toBe(true);
    expect((refused as Error).message).toMatch(/the stored copy of SKM2\.pdf no longer matches its hash/);
  });

  it('refuses to export when a stored scan is missing, and exports again once the scan is imported anew', async () => {
    const scans = await writeExamDay(tempDir());
    const roster = await writeRoster(tempDir());
    const store = openTestStore({ now: FIXED_NOW });
    const { batch, sources } = await importBatch(store, { scans, roster });
    await rm(scanPath(store.scansDir, sources[0]!.sha256));

    const refused = await exportBatch(store, batch.id, join(tempDir(), 'out')).catch(
      (error: unknown) => error,
    );
    expect((refused as Error).message).toMatch(/the stored copy of SKM1\.pdf is missing$/);
    expect((refused as { hint: string }).hint).toMatch(/^import SKM1\.pdf again/);

    await importBatch(store, { scans, roster });
    expect((await exportBatch(store, batch.id, join(tempDir(), 'out'))).copies).toHaveLength(5);
  });

  it('refuses a second export of the same batch to the same folder while the first is alive', async () => {
    const scans = await writeExamDay(tempDir());
    const store = openTestStore({ now: FIXED_NOW });
    const { batch } = await importBatch(store, { scans, roster: await writeRoster(tempDir()) });
    const outDir = join(tempDir(), 'out');
    const runningBy = (owner: string) =>
      store.db
        .prepare(
          `INSERT INTO jobs (batch_id, out_dir, state, stage, owner, started_at, updated_at)
           VALUES (?, ?, 'running', 'copies', ?, ?, ?)`,
        )
        .run(batch.id, outDir, owner, FIXED_NOW().toISOString(), FIXED_NOW().toISOString());

    // The test runner's parent process is alive: its job must not be taken over.
    runningBy(`${hostname()}/${process.ppid}`);
    const refused = await exportBatch(store, batch.id, outDir).catch((error: unknown) => error);
    expect((refused as Error).message).toMatch(
      new RegExp(`^batch ${batch.id} is already being exported to .*out by process .*/${process.ppid}`),
    );

    // A job whose process is gone (killed, crashed) is taken over and finished.
    store.db.prepare(`UPDATE jobs SET owner = ?`).run(`${hostname()}/999999999`);
    await exportBatch(store, batch.id, outDir);
    expect(store.db.prepare('SELECT state FROM jobs').all()).toEqual([{ state: 'done' }]);
  });

  it('removes the temporary files a killed import left among the stored scans, and only those', async () => {
    const scans = await writeExamDay(tempDir());
    const store = openTestStore({ now: FIXED_NOW });
    await mkdir(store.scansDir, { recursive: true });
    const orphan = `.${'a'.repeat(64)}.${hostname()}+999999999-0badf00d.tmp`;
    const live = `.${'b'.repeat(64)}.${hostname()}+${process.ppid}-0badf00d.tmp`;
    for (const name of [orphan, live]) await writeFile(join(store.scansDir, name), 'partial');
    const { sources } = await importBatch(store, { scans, roster: await writeRoster(tempDir()) });
    expect((await readdir(store.scansDir)).sort()).toEqual(
      [live, ...sources.map((source) => `${source.sha256}.pdf`)].sort(),
    );
  });

  it('names an unknown batch', async () => {
    const store = openTestStore();
    const refused = await exportBatch(store, '0123456789ab', join(tempDir(), 'out')).catch(
      (error: unknown) => error,
    );
    expect((refused as Error).message).toMatch(/^no batch 0123456789ab in .*station\.sqlite$/);
  });
});
