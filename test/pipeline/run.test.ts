import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../core/manifest';
import type { ProgressEvent } from '../../core/pipeline/process-options';
import { processBatch } from '../../core/jobs/process-scans';
import { buildScanPdf, noiseJpeg, sheetSides } from './fixtures';
import type { FixturePage } from './fixtures';
import { visibleText } from './pdf-inspect';
import { ROSTER_CSV } from './roster-fixture';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();

async function writeScan(name: string, pages: FixturePage[]): Promise<string> {
  const path = join(tempDir(), name);
  await writeFile(path, (await buildScanPdf(pages)).bytes);
  return path;
}

async function writeRoster(): Promise<string> {
  const path = join(tempDir(), 'eleves.csv');
  await writeFile(path, ROSTER_CSV);
  return path;
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

/**
 * SKM1: sheet 1 (compact-like raster, /Rotate 270) and the recto of sheet 2; SKM2: the verso of sheet 2,
 * a loose A4 page, sheet 3 (/Rotate 90) and a recto without verso.
 */
async function examDay(): Promise<string[]> {
  const jpeg = await noiseJpeg(60, 42);
  const [recto2, verso2] = sheetSides(1, { rotate: 270 }).map((side, k) => ({
    ...side,
    labels: k === 0 ? ['S2 P4', 'S2 P1'] : ['S2 P2', 'S2 P3'],
  }));
  return [
    await writeScan('SKM1.pdf', [...sheetSides(1, { rotate: 270, raster: { jpeg, masks: 4 } }), recto2!]),
    await writeScan('SKM2.pdf', [
      verso2!,
      { kind: 'a4', labels: ['Annex'] },
      ...sheetSides(1, { rotate: 90 }).map((side) => ({
        ...side,
        labels: side.labels.map((l) => l.replace('S1', 'S3')),
      })),
      { kind: 'a3', labels: ['S4 P4', 'S4 P1'] },
    ]),
  ];
}

async function copyTexts(outDir: string, manifest: Manifest): Promise<string[][]> {
  return Promise.all(
    manifest.copies.map(async (copy) => visibleText(await readFile(join(outDir, copy.file)))),
  );
}

describe('processBatch', () => {
  it('turns a stack spread over two files into copies in reading order, and says what to check', async () => {
    const scans = await examDay();
    const outDir = join(tempDir(), 'out');
    const events: ProgressEvent[] = [];
    const manifest = await processBatch({
      scans,
      roster: await writeRoster(),
      outDir,
      onProgress: (e) => events.push(e),
    });

    expect(manifest.sources.map((s) => [s.file, s.pages])).toEqual([
      ['SKM1.pdf', 3],
      ['SKM2.pdf', 5],
    ]);
    expect(manifest.roster).toEqual({ file: 'eleves.csv', students: 3 });
    expect(await copyTexts(outDir, manifest)).toEqual([
      ['S1 P1', 'S1 P2', 'S1 P3', 'S1 P4'],
      ['S2 P1', 'S2 P2', 'S2 P3', 'S2 P4'],
      ['Annex'],
      ['S3 P1', 'S3 P2', 'S3 P3', 'S3 P4'],
      ['S4 P1', 'S4 P4'],
    ]);
    expect(manifest.copies[1]!.pages.map((p) => `${p.file}:${p.source}:${p.half}`)).toEqual([
      '1:3:right',
      '2:1:left',
      '2:1:right',
      '1:3:left',
    ]);
    // These sheets carry no exam header: every copy is left to a person, saying why.
    for (const copy of manifest.copies) {
      expect(copy).toMatchObject({ status: 'needs_review', student: null, confidence: 0, candidates: [] });
      expect(copy.file).toBe(`copies/${copy.id}.pdf`);
    }
    for (const sheet of [0, 1, 3, 4]) {
      expect(manifest.copies[sheet]!.reasons[0]).toBe('the header could not be read');
    }
    // Both sides of a sheet say they carry neither header nor page box: each reason is given once.
    for (const copy of manifest.copies) expect(new Set(copy.reasons).size).toBe(copy.reasons.length);
    expect(manifest.copies[2]!.reasons).toEqual([
      'student not identified',
      'loose page, not part of a folded A3 sheet: SKM2.pdf page 2',
      '1 page, not a multiple of 4',
    ]);
    expect(manifest.copies[4]!.reasons).toEqual(
      expect.arrayContaining([
        'the sheet at SKM2.pdf page 5: neither an exam header nor a page box found on this A3 side',
        'verso missing after SKM2.pdf page 5: no A3 side follows it',
        '2 pages, not a multiple of 4',
      ]),
    );
    // Nothing on these sheets tells a recto from a verso: each pair rests on the stack's order alone.
    const positional = (a: string, b: string) =>
      `paired by position alone: ${a} and ${b} (what one of them is could not be told)`;
    expect(manifest.warnings).toEqual([
      positional('SKM1.pdf page 1', 'SKM1.pdf page 2'),
      positional('SKM1.pdf page 3', 'SKM2.pdf page 1'),
      positional('SKM2.pdf page 3', 'SKM2.pdf page 4'),
      'verso missing after SKM2.pdf page 5: no A3 side follows it',
    ]);
    expect(manifest.warningCodes!.map((note) => note.code)).toEqual([
      'positional-pairing',
      'positional-pairing',
      'positional-pairing',
      'verso-missing',
    ]);
    expect(manifest.warningCodes!.at(-1)).toEqual({
      code: 'verso-missing',
      params: { atFile: 'SKM2.pdf', atPage: '5', detail: 'no A3 side follows it' },
    });
    expect(manifest.invariants).toEqual({
      everyPageOnce: true,
      pagesInOrder: true,
      multipleOfFour: true,
      violations: [],
      violationCodes: [],
    });
    expect(JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'))).toEqual(manifest);

    const stages = events.map((e) => e.stage).filter((stage, i, all) => stage !== all[i - 1]);
    expect(stages).toEqual(['load', 'classify', 'identify', 'split', 'write']);
    expect(events.at(-1)).toEqual({ stage: 'write', done: 1, total: 1, message: 'manifest.json' });
  });

  it('gives the same ids and the same bytes on a second run, and leaves the scans untouched', async () => {
    const scans = await examDay();
    const before = await Promise.all(scans.map(sha256));
    const roster = await writeRoster();
    const first = await processBatch({ scans, roster, outDir: join(tempDir(), 'a') });
    const second = await processBatch({ scans, roster, outDir: join(tempDir(), 'b') });
    expect(second.copies.map((c) => c.id)).toEqual(first.copies.map((c) => c.id));
    for (const copy of first.copies) {
      expect(await sha256(join(tempDir(), 'b', copy.file))).toBe(
        await sha256(join(tempDir(), 'a', copy.file)),
      );
    }
    expect(await Promise.all(scans.map(sha256))).toEqual(before);
  });

  it('refuses another batch in a folder holding a batch, and deletes nothing of it (issue 20)', async () => {
    const roster = await writeRoster();
    const outDir = join(tempDir(), 'out');
    const old = await processBatch({ scans: await examDay(), roster, outDir });
    // The operator keeps a PDF and a note in the copies folder, and feeds one old copy back in as a scan.
    await writeFile(join(outDir, 'copies', 'sujet.pdf'), (await buildScanPdf(sheetSides(1))).bytes);
    await writeFile(join(outDir, 'copies', 'notes.txt'), 'do not delete');
    const [reused] = old.copies.map((copy) => copy.file.replace('copies/', ''));
    const before = (await readdir(join(outDir, 'copies'))).sort();

    await expect(
      processBatch({ scans: [join(outDir, 'copies', reused!)], roster, outDir }),
    ).rejects.toMatchObject({
      code: 'output-invalid',
      message: expect.stringMatching(/holds the copies of another batch/),
    });
    expect((await readdir(join(outDir, 'copies'))).sort()).toEqual(before);
  });

  it('writes nothing when the roster is invalid', async () => {
    const roster = join(tempDir(), 'eleves.csv');
    await writeFile(roster, 'Nom;Prénom\n');
    const outDir = join(tempDir(), 'out');
    await expect(processBatch({ scans: await examDay(), roster, outDir })).rejects.toMatchObject({
      code: 'roster-invalid',
    });
    await expect(readdir(outDir)).rejects.toThrow(/ENOENT/);
  });

  it('refuses the same scan given twice', async () => {
    const [skm1] = await examDay();
    const copy = join(tempDir(), 'SKM1 (copy).pdf');
    await writeFile(copy, await readFile(skm1!));
    await expect(
      processBatch({ scans: [skm1!, copy], roster: await writeRoster(), outDir: join(tempDir(), 'out') }),
    ).rejects.toMatchObject({ code: 'pdf-duplicate', message: expect.stringContaining('same contents as') });
  });

  it('refuses an output folder that is a file', async () => {
    const outDir = join(tempDir(), 'out');
    await writeFile(outDir, '');
    await expect(
      processBatch({ scans: await examDay(), roster: await writeRoster(), outDir }),
    ).rejects.toMatchObject({
      code: 'output-invalid',
    });
  });

  it('writes into an existing output folder one PDF per copy, with the pages the manifest lists', async () => {
    await mkdir(join(tempDir(), 'out'));
    const manifest = await processBatch({
      scans: await examDay(),
      roster: await writeRoster(),
      outDir: join(tempDir(), 'out'),
    });
    for (const copy of manifest.copies) {
      const pdf = await PDFDocument.load(await readFile(join(tempDir(), 'out', copy.file)));
      expect(pdf.getPageCount()).toBe(copy.pages.length);
    }
  });
});
