// Bad input on the command line, each tried as the issue found it (issue 20): what must come out is one
// clear line, the right exit code, and nothing changed that the command refused.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildScanPdf, sheetSides } from '../pipeline/fixtures';
import { ROSTER_CSV } from '../pipeline/roster-fixture';
import { useTempDir } from '../pipeline/temp-dir';
import { runBin, runCli } from './run-cli';
import type { CliResult } from './run-cli';

const tempDir = useTempDir();

async function file(name: string, content: Uint8Array | string): Promise<string> {
  const path = join(tempDir(), name);
  await writeFile(path, content);
  return path;
}

function expectOneLineError(result: CliResult, message: RegExp, code = 2): void {
  expect(result.code, result.stderr).toBe(code);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^korrigo-station: error: /);
  expect(lines[0]).toMatch(message);
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('korrigo-station on bad input', () => {
  it('never switches a stored batch to another roster silently', async () => {
    const scan = await file('SKM1.pdf', (await buildScanPdf(sheetSides(2))).bytes);
    const roster = await file('eleves.csv', ROSTER_CSV);
    const other = await file(
      'autre-classe.csv',
      'Élèves,Né(e) le,Classe,Adresse E-mail\nMARTIN LÉA,01/02/2008,T.02,lea.martin@example.fr\n',
    );
    const db = join(tempDir(), 'station.sqlite');
    const out = join(tempDir(), 'out');
    expect(
      (await runCli(['process', scan, '--roster', roster, '--out', out, '--db', db, '--no-identify'])).code,
    ).toBe(0);
    const listed = (await runCli(['batches', '--db', db, '--json'])).stdout;
    const scans = await readdir(join(tempDir(), 'scans'));

    const refused = await runCli([
      'process',
      scan,
      '--roster',
      other,
      '--out',
      join(tempDir(), 'out2'),
      '--db',
      db,
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^korrigo-station: error: these scans are already batch [0-9a-f]{12}, identified against the roster eleves\.csv \(\d+ students\); autre-classe\.csv is another roster, and the batch is not switched to it silently; give eleves\.csv again to continue that batch, or process the scans with another --db to make a new batch/,
    );
    expect((await runCli(['batches', '--db', db, '--json'])).stdout).toBe(listed);
    expect(await readdir(join(tempDir(), 'scans'))).toEqual(scans);
    // Another database makes it a batch of its own, identified against the other roster.
    const elsewhere = await runCli([
      'process',
      scan,
      '--roster',
      other,
      '--out',
      join(tempDir(), 'out3'),
      '--db',
      join(tempDir(), 'other.sqlite'),
      '--no-identify',
    ]);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
  });

  it('leaves another program’s SQLite file exactly as it was when it refuses it', async () => {
    const foreign = join(tempDir(), 'notes.sqlite');
    const other = new Database(foreign);
    other.exec("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('a')");
    other.close();
    const before = await sha256(foreign);
    const scan = await file('SKM1.pdf', (await buildScanPdf(sheetSides(1))).bytes);
    const roster = await file('eleves.csv', ROSTER_CSV);
    for (const args of [
      ['batches', '--db', foreign],
      ['process', scan, '--roster', roster, '--out', join(tempDir(), 'out'), '--db', foreign],
    ]) {
      expectOneLineError(await runCli(args), /notes\.sqlite: not a database of this station/);
    }
    expect(await sha256(foreign)).toBe(before);
    expect(await readdir(tempDir())).not.toContain('notes.sqlite-wal');
    const reopened = new Database(foreign, { readonly: true });
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('delete');
    reopened.close();
  });

  it('refuses devices and pipes at once, as scans, roster or database', async () => {
    const scan = await file('SKM1.pdf', (await buildScanPdf(sheetSides(1))).bytes);
    const roster = await file('eleves.csv', ROSTER_CSV);
    const fifo = join(tempDir(), 'scan.pdf');
    execFileSync('mkfifo', [fifo]);
    const out = join(tempDir(), 'out');
    const cases: [string[], RegExp][] = [
      [['process', '/dev/zero', '--roster', roster, '--out', out], /\/dev\/zero: is not a regular file/],
      [['process', fifo, '--roster', roster, '--out', out], /scan\.pdf: is not a regular file/],
      [['process', scan, '--roster', '/dev/zero', '--out', out], /\/dev\/zero is not a regular file/],
      [['process', scan, '--roster', fifo, '--out', out], /scan\.pdf is not a regular file/],
      [['batches', '--db', '/dev/zero'], /\/dev\/zero is not a regular file/],
    ];
    for (const [args, message] of cases) {
      const started = Date.now();
      expectOneLineError(await runCli(args), message);
      expect(Date.now() - started, args.join(' ')).toBeLessThan(3000);
    }
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('accepts a PDF with padding after its end-of-file marker', async () => {
    const bytes = (await buildScanPdf(sheetSides(1))).bytes;
    const padded = await file('SKM1.pdf', Buffer.concat([bytes, Buffer.alloc(2048)]));
    const roster = await file('eleves.csv', ROSTER_CSV);
    const result = await runCli([
      'process',
      padded,
      '--roster',
      roster,
      '--out',
      join(tempDir(), 'out'),
      '--no-identify',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^1 scan file, 2 pages: 1 copies/);
  });

  it('refuses to watch a file as if it were a folder', async () => {
    const roster = await file('eleves.csv', ROSTER_CSV);
    const scan = await file('SKM1.pdf', 'not a folder');
    expectOneLineError(
      await runCli(['watch', scan, '--roster', roster, '--db', join(tempDir(), 'station.sqlite')]),
      /SKM1\.pdf is a file, not a folder: give the folder the scanner writes to/,
    );
  });

  it('names a folder given as --db', async () => {
    await mkdir(join(tempDir(), 'db'));
    expectOneLineError(
      await runCli(['batches', '--db', join(tempDir(), 'db')]),
      /db is a folder, not a station database file/,
    );
  });

  it('lists the batches while another process writes, without waiting for its lock', async () => {
    const db = join(tempDir(), 'station.sqlite');
    expect((await runCli(['batches', '--db', db])).code).toBe(2);
    const scan = await file('SKM1.pdf', (await buildScanPdf(sheetSides(1))).bytes);
    const roster = await file('eleves.csv', ROSTER_CSV);
    const out = join(tempDir(), 'out');
    expect(
      (await runCli(['process', scan, '--roster', roster, '--out', out, '--db', db, '--no-identify'])).code,
    ).toBe(0);
    const writer = new Database(db);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const listed = await runCli(['batches', '--db', db]);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toContain('SKM1.pdf');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('keeps another batch’s copies in an --out folder instead of deleting them', async () => {
    const roster = await file('eleves.csv', ROSTER_CSV);
    const first = await file('SKM1.pdf', (await buildScanPdf(sheetSides(2))).bytes);
    const second = await file('SKM2.pdf', (await buildScanPdf(sheetSides(1, { rotate: 180 }))).bytes);
    const out = join(tempDir(), 'out');
    expect((await runCli(['process', first, '--roster', roster, '--out', out, '--no-identify'])).code).toBe(
      0,
    );
    const copies = (await readdir(join(out, 'copies'))).sort();
    const manifest = await readFile(join(out, 'manifest.json'), 'utf8');
    // Refused once the scans are read (progress lines come first), before anything is written.
    const refused = await runCli(['process', second, '--roster', roster, '--out', out, '--no-identify']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^korrigo-station: error: .*out holds the copies of another batch \(scans SKM1\.pdf\): they would be replaced or removed; give an empty or new folder/,
    );
    expect((await readdir(join(out, 'copies'))).sort()).toEqual(copies);
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(manifest);
    // The same batch again into its own folder is fine.
    expect((await runCli(['process', first, '--roster', roster, '--out', out, '--no-identify'])).code).toBe(
      0,
    );
  });

  it('warns that a PDF of A4 pages only holds no A3 sheet', async () => {
    const a4 = await file(
      'A4.pdf',
      (
        await buildScanPdf([
          { kind: 'a4', labels: ['page'] },
          { kind: 'a4', labels: ['page 2'] },
        ])
      ).bytes,
    );
    const roster = await file('eleves.csv', ROSTER_CSV);
    const result = await runCli([
      'process',
      a4,
      '--roster',
      roster,
      '--out',
      join(tempDir(), 'out'),
      '--no-identify',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: the scans hold no A3 sheet: every page is a loose page/);
  });
});

/** The read-only cases need a user the file modes apply to: root ignores them, so root runs them as nobody. */
describe('korrigo-station on read-only files', () => {
  const asOperator = (...args: string[]): Promise<CliResult> =>
    runBin(args, {
      cwd: tempDir(),
      ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534, env: { HOME: tempDir() } } : {}),
    });

  it('says a read-only database is read-only and stores no scan, and a read-only --out in words', async () => {
    const dir = tempDir();
    const scan = await file('SKM1.pdf', (await buildScanPdf(sheetSides(1))).bytes);
    const other = await file('SKM2.pdf', (await buildScanPdf(sheetSides(2))).bytes);
    const roster = await file('eleves.csv', ROSTER_CSV);
    const store = join(dir, 'store');
    await mkdir(store);
    const db = join(store, 'station.sqlite');
    expect(
      (
        await runCli([
          'process',
          scan,
          '--roster',
          roster,
          '--out',
          join(dir, 'out'),
          '--db',
          db,
          '--no-identify',
        ])
      ).code,
    ).toBe(0);
    const scansBefore = await readdir(join(store, 'scans'));
    const readOnlyOut = join(dir, 'readonly-out');
    await mkdir(readOnlyOut);
    for (const path of [dir, store, join(store, 'scans')]) await chmod(path, 0o755);
    for (const path of [scan, other, roster, join(dir, 'out', 'manifest.json')]) await chmod(path, 0o644);
    await chmod(db, 0o444);
    await chmod(readOnlyOut, 0o555);

    const refused = await asOperator(
      'process',
      other,
      '--roster',
      roster,
      '--out',
      join(dir, 'out2'),
      '--db',
      db,
      '--no-identify',
    );
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(
      /station\.sqlite: cannot write to the station database: the database file is read-only/,
    );
    expect(await readdir(join(store, 'scans'))).toEqual(scansBefore);

    const outRefused = await asOperator(
      'process',
      other,
      '--roster',
      roster,
      '--out',
      readOnlyOut,
      '--no-identify',
    );
    expect(outRefused.code, outRefused.stderr).toBe(2);
    expect(outRefused.stderr).toMatch(/readonly-out: the output folder is read-only \(permission denied\)/);
    expect((await stat(readOnlyOut)).isDirectory()).toBe(true);
  }, 60_000);
});

/** A full disk needs a small file system of its own: root mounts one; anyone else cannot, and skips. */
describe.runIf(process.getuid?.() === 0)('korrigo-station on a full disk', () => {
  it('says the disk is full when the database cannot be created, not "disk I/O error"', async () => {
    const disk = join(tempDir(), 'disk');
    await mkdir(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
    try {
      await writeFile(join(disk, 'filler'), Buffer.alloc(64 * 1024)).catch(() => undefined);
      const scan = await file('SKM1.pdf', (await buildScanPdf(sheetSides(1))).bytes);
      const roster = await file('eleves.csv', ROSTER_CSV);
      const db = join(disk, 'station.sqlite');
      const result = await runCli([
        'process',
        scan,
        '--roster',
        roster,
        '--out',
        join(tempDir(), 'out'),
        '--db',
        db,
      ]);
      expectOneLineError(
        result,
        /station\.sqlite: cannot open the station database: the disk (is full|refused to write)/,
      );
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
