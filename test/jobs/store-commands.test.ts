// The store's commands as an operator runs them: batches, export, watch.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ManifestStudent } from '../../core/manifest';
import { recordDecision } from '../../core/jobs/operator-decisions';
import { processInto } from '../../core/jobs/process-scans';
import { readCopies } from '../../core/store/copy-rows';
import { openStore } from '../../core/store/open-store';
import { buildScanPdf, sheetSides } from '../pipeline/fixtures';
import { useTempDir } from '../pipeline/temp-dir';
import { writeExamDay, writeRoster } from '../store/store-fixture';
import { runCli, startCli } from '../cli/run-cli';

const tempDir = useTempDir();

/** As an operator would type it, in the test's folder, $KORRIGO_DB unset unless given. */
const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { cwd: tempDir(), env: { KORRIGO_DB: '', ...env } });

const MARIE: ManifestStudent = {
  name: 'DUPONT MARIE',
  email: 'marie.dupont@example.fr',
  birthDate: '2008-03-12',
  className: 'T.01',
};

/** A processed exam day in station.sqlite: one copy validated, one synced. */
async function processedBatch(): Promise<{ batchId: string; db: string }> {
  const db = join(tempDir(), 'station.sqlite');
  const store = openStore(db, { now: () => new Date('2026-03-02T08:30:00Z') });
  const scans = await writeExamDay(tempDir());
  const { batchId } = await processInto(store, {
    scans,
    roster: await writeRoster(tempDir()),
    outDir: join(tempDir(), 'processed'),
  });
  const [first, second] = readCopies(store.db, batchId);
  recordDecision(store, batchId, 'alice', { kind: 'assign-student', copyId: first!.id, student: MARIE });
  recordDecision(store, batchId, 'alice', { kind: 'validate-copy', copyId: first!.id });
  store.db
    .prepare(
      `INSERT INTO sync_outbox (batch_id, copy_id, server, exam_id, state, spec_sha256, student_email, file_name, updated_at)
       VALUES (?, ?, 'https://korrigo.example.tn', 'exam', 'done', 'spec', 'e@x.tn', 'f.pdf', '2026-03-02T09:00:00Z')`,
    )
    .run(batchId, second!.id);
  store.close();
  return { batchId, db };
}

describe('korrigo-station batches and export', () => {
  it('lists batches with their counts, as a table and as JSON, from --db or $KORRIGO_DB', async () => {
    const { batchId, db } = await processedBatch();
    const listed = await cli(['batches', '--db', db]);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout.split('\n')).toEqual([
      'BATCH         STATE    COPIES  READY  REVIEW  SYNCED  IMPORTED (UTC)    SCANS',
      `${batchId}  planned       5      1       4       1  2026-03-02 08:30  SKM1.pdf, SKM2.pdf`,
      '',
    ]);

    // The API's batches.list, as the desktop app gets it: the same fields, no more.
    const json = await cli(['batches', '--json'], { KORRIGO_DB: db });
    expect(JSON.parse(json.stdout)).toEqual([
      {
        batchId,
        createdAt: '2026-03-02T08:30:00.000Z',
        state: 'planned',
        sources: ['SKM1.pdf', 'SKM2.pdf'],
        roster: 'eleves.csv',
        copies: 5,
        ready: 1,
        needsReview: 4,
        synced: 1,
        invariantsHold: true,
      },
    ]);
  });

  it('exports a batch as decided: the manifest and one PDF per copy', async () => {
    const { batchId, db } = await processedBatch();
    const result = await cli(['export', batchId, '--out', 'exported', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('5 copies, 1 ready, 4 to review. Manifest: exported/manifest.json\n');
    expect(result.stderr).toContain('split: 5/5 copies');
    const manifest = JSON.parse(await readFile(join(tempDir(), 'exported', 'manifest.json'), 'utf8'));
    expect(manifest.copies[0]).toMatchObject({ status: 'ready', student: MARIE });
    expect((await readdir(join(tempDir(), 'exported', 'copies'))).sort()).toEqual(
      manifest.copies.map((copy: { id: string }) => `${copy.id}.pdf`).sort(),
    );
  });

  it('refuses with exit 2 and one line: no database, an unknown batch, missing arguments', async () => {
    const missing = await cli(['batches', '--db', 'nowhere.sqlite']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^korrigo-station: error: .*nowhere\.sqlite: no station database here; .*\n$/,
    );

    const { db } = await processedBatch();
    const unknown = await cli(['export', 'ffffffffffff', '--out', 'x', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^korrigo-station: error: no batch ffffffffffff in .*station\.sqlite; .*batches.*\n$/,
    );

    const noOut = await cli(['export', 'ffffffffffff', '--db', db]);
    expect(noOut).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--out <dir> is required; see korrigo-station export --help/),
    });
    expect((await cli(['batches', '--bogus'])).stderr).toMatch(/unknown option --bogus/);
  });
});

describe('korrigo-station watch', () => {
  it('imports a PDF dropped in the folder, prints it, and stops on SIGTERM', async () => {
    const folder = join(tempDir(), 'scanner');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder);
    await writeRoster(tempDir());
    const watching = startCli(
      [
        'watch',
        'scanner',
        '--roster',
        'eleves.csv',
        '--db',
        'station.sqlite',
        '--interval',
        '0.1',
        '--settle',
        '0',
      ],
      { cwd: tempDir(), env: { KORRIGO_DB: '' } },
    );
    const printed = () => watching.printed().stdout;
    for (let waited = 0; !printed().includes('Ctrl+C stops') && waited < 20_000; waited += 50)
      await sleep(50);
    await writeFile(join(folder, 'SKM1.pdf'), (await buildScanPdf(sheetSides(2))).bytes);
    for (let waited = 0; !printed().includes('SKM1.pdf:') && waited < 20_000; waited += 50) await sleep(50);
    // What Ctrl+C or a service manager's stop does to the command, without a process of its own.
    process.emit('SIGTERM');
    const { code, stdout } = await watching.done;
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Watching .*scanner \(database .*station\.sqlite\)\. Ctrl\+C stops\.\nSKM1\.pdf: batch [0-9a-f]{12}, 2 copies, 2 to review\n$/,
    );
  });
});
