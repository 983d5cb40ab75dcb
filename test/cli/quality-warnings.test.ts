import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildScanPdf, noiseJpeg, sheetSides } from '../pipeline/fixtures';
import { ROSTER_CSV } from '../pipeline/roster-fixture';
import { useTempDir } from '../pipeline/temp-dir';
import { runCli } from './run-cli';

const tempDir = useTempDir();

it('process prints each quality warning of each scan file on a line of its own', async () => {
  // A 20 dpi sheet, then a recto whose verso never came: one warning for each file.
  const coarse = sheetSides(1, { raster: { jpeg: await noiseJpeg(331, 234), masks: 0 } });
  await writeFile(join(tempDir(), 'SKM1.pdf'), (await buildScanPdf(coarse)).bytes);
  await writeFile(join(tempDir(), 'SKM2.pdf'), (await buildScanPdf(sheetSides(1).slice(0, 1))).bytes);
  await writeFile(join(tempDir(), 'eleves.csv'), ROSTER_CSV);
  const args = ['process', 'SKM1.pdf', 'SKM2.pdf', '--roster', 'eleves.csv', '--out', 'out', '--no-identify'];
  const { stderr } = await runCli(args, { cwd: tempDir() });

  const warnings = stderr.split('\n').filter((line) => line.startsWith('korrigo-station: warning: SKM'));
  expect(warnings).toEqual([
    // The pipeline's own warning about the lone recto comes first, then the quality report's.
    expect.stringMatching(/^korrigo-station: warning: SKM2\.pdf page 1 has no verso/),
    expect.stringMatching(/^korrigo-station: warning: SKM1\.pdf: scanned too coarse .*page images at 20 dpi/),
    expect.stringMatching(
      /^korrigo-station: warning: SKM2\.pdf: an odd run of 3 A3 sides \(SKM1\.pdf page 1 to SKM2\.pdf page 1\)/,
    ),
  ]);
});
