import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptedPdf, pdfWithPages, truncated } from '../pipeline/corrupt-pdfs';
import { buildScanPdf, sheetSides } from '../pipeline/fixtures';
import { ROSTER_CSV } from '../pipeline/roster-fixture';
import { useTempDir } from '../pipeline/temp-dir';
import { runBin, runCli } from './run-cli';
import type { CliResult } from './run-cli';

const tempDir = useTempDir();

/** As an operator would type it, in the test's folder. */
const cli = (...args: string[]) => runCli(args, { cwd: tempDir() });

async function file(name: string, content: Uint8Array | string): Promise<string> {
  await writeFile(join(tempDir(), name), content);
  return name;
}

/** Exit 2 and exactly one line on stderr, naming the problem, without a stack trace. */
function expectOneLineError(result: CliResult, message: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^korrigo-station: error: /);
  expect(lines[0]).toMatch(message);
}

describe('korrigo-station', () => {
  it('prints its help and version, from the real bin', async () => {
    const help = await runBin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: korrigo-station <command>/);
    expect(help.stdout).toMatch(/process\s+split scanner PDFs/);

    const processHelp = await cli('process', '--help');
    expect(processHelp.stdout).toMatch(/--db <file>\s+keep the batch in the station's store/);

    const pkg = JSON.parse(await readFile(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(await runBin(['--version'])).toMatchObject({
      code: 0,
      stdout: `korrigo-station ${pkg.version}\n`,
    });
  });

  it('processes scans: exit 0 with copies to review, progress as plain lines, a summary', async () => {
    const scan = await file('SKM1.pdf', (await buildScanPdf(sheetSides(2))).bytes);
    const roster = await file('eleves.csv', ROSTER_CSV);
    const result = await cli('process', scan, '--roster', roster, '--out', 'out', '--db', 'station.db');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('1 scan file, 4 pages: 2 copies, 2 to review. Manifest: out/manifest.json\n');
    expect(result.stderr).toContain('split: 2/2 copies');
    expect(result.stderr).not.toContain('\r');
    const manifest = JSON.parse(await readFile(join(tempDir(), 'out', 'manifest.json'), 'utf8'));
    expect((await readdir(join(tempDir(), 'out', 'copies'))).sort()).toEqual(
      manifest.copies.map((copy: { id: string }) => `${copy.id}.pdf`).sort(),
    );
  });

  it('refuses bad scan files with exit 2 and one line naming the file, and writes nothing', async () => {
    const roster = await file('eleves.csv', ROSTER_CSV);
    const good = (await buildScanPdf(sheetSides(1))).bytes;
    const cases: [string, Uint8Array | string | undefined, RegExp][] = [
      ['missing.pdf', undefined, /missing.pdf: file not found$/],
      ['notes.pdf', 'just text', /notes.pdf: not a PDF file/],
      ['SKM1.pdf', truncated(good, 0.5), /SKM1.pdf: the file is truncated or damaged/],
      ['SKM2.pdf', await encryptedPdf(), /SKM2.pdf: the file is encrypted/],
      ['SKM3.pdf', await pdfWithPages(0), /SKM3.pdf: the file has no pages/],
    ];
    for (const [name, content, message] of cases) {
      if (content !== undefined) await file(name, content);
      expectOneLineError(await cli('process', name, '--roster', roster, '--out', 'out'), message);
    }
    await expect(readdir(join(tempDir(), 'out'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses bad arguments with exit 2 and one line', async () => {
    expectOneLineError(await cli(), /no command given/);
    expectOneLineError(await cli('frobnicate'), /unknown command "frobnicate"/);
    expectOneLineError(await cli('process', 'a.pdf', '--out', 'out'), /--roster <students.csv> is required/);
    expectOneLineError(
      await cli('process', 'a.pdf', '--roster', 'r.csv', '--out', 'o', '--fast'),
      /unknown option --fast/,
    );
    expectOneLineError(await cli('process', '--roster', 'r.csv', '--out', 'o'), /no scan PDF given/);
  });

  it('prints the stack trace of an error with --verbose', async () => {
    const result = await cli('process', 'missing.pdf', '--roster', 'r.csv', '--out', 'o', '--verbose');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^korrigo-station: error: /);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
