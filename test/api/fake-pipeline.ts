// A stand-in for core/pipeline/run.ts with the same contract (ProcessBatch): the API layer is tested on
// its own, and each test decides what the pipeline does.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Manifest } from '../../core/manifest';
import type { ProcessBatch } from '../../core/pipeline/process-options';

/** One needs_review copy of 4 pages per scan file; writes what the real pipeline writes. */
export const fakeProcessBatch: ProcessBatch = async ({ scans, roster, outDir, onProgress }) => {
  onProgress?.({ stage: 'load', done: 0, total: scans.length });
  onProgress?.({ stage: 'load', done: scans.length, total: scans.length });
  await mkdir(join(outDir, 'copies'), { recursive: true });
  const copies: Manifest['copies'] = [];
  for (const [index, scan] of scans.entries()) {
    const file = `copies/copy-${index + 1}.pdf`;
    await writeFile(join(outDir, file), `%PDF-1.7 fake copy of ${basename(scan)}`);
    copies.push({
      id: `c${index + 1}`,
      status: 'needs_review',
      student: null,
      confidence: 0,
      reasons: ['student not identified'],
      candidates: [],
      pages: (
        [
          ['right', 1],
          ['left', 2],
          ['right', 2],
          ['left', 1],
        ] as const
      ).map(([half, source]) => ({
        file: index + 1,
        source,
        half,
        rotate: 0,
        blank: false,
      })),
      file,
    });
    onProgress?.({ stage: 'write', done: index + 1, total: scans.length });
  }
  const manifest: Manifest = {
    version: 1,
    sources: scans.map((scan) => ({ file: basename(scan), sha256: '0'.repeat(64), pages: 2 })),
    roster: { file: basename(roster), students: 0 },
    copies,
    absent: [],
    warnings: [],
    invariants: { everyPageOnce: true, pagesInOrder: true, multipleOfFour: true, violations: [] },
  };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
};
