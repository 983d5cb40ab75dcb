// The pipeline, stage by stage: each stage is its own module so a job layer can run and store them apart.
import type { Manifest } from '../manifest';
import { withQuality } from '../pdf/quality/source-quality';
import { loadRoster } from '../roster/load-roster';
import { writeCopyPdf } from './copy-pdf';
import { assertInvariants, checkInvariants } from './invariants';
import { describeSource, loadSources } from './load-sources';
import { withReviewCodes } from '../review/coded-manifest';
import { prepareOutDir, removeStaleCopies, writeManifest } from './output-dir';
import type { ProcessOptions, ProcessStage } from './process-options';
import { planStack } from './plan-stack';
import { indexStack } from './stack';

export async function processBatch(options: ProcessOptions): Promise<Manifest> {
  const progress = (stage: ProcessStage, done: number, total: number, message?: string) =>
    options.onProgress?.({ stage, done, total, ...(message === undefined ? {} : { message }) });

  // The roster first: it is quick to read, and a wrong one should not wait for the scans to load.
  const roster = await loadRoster(options.roster);
  const sources = await loadSources(options.scans, (done, total, path) =>
    progress('load', done, total, path),
  );
  // Only once the input is known to be good, so a refused run leaves no empty output folder behind.
  await prepareOutDir(options.outDir);

  const { stack, copies, setAside, absent, warnings } = await planStack(sources, roster.students, {
    identify: options.identify,
    onPage: (done, total) => progress('classify', done, total),
    onSheet: (done, total) => progress('identify', done, total),
  });
  const manifestSources = withQuality(sources.map(describeSource), sources);
  const invariants = checkInvariants(manifestSources, stack, copies, setAside);
  assertInvariants(invariants);

  const byPage = indexStack(stack);
  for (const [index, copy] of copies.entries()) {
    await writeCopyPdf(options.outDir, copy, sources, byPage);
    progress('split', index + 1, copies.length, copy.file);
  }

  const manifest: Manifest = withReviewCodes({
    version: 1,
    sources: manifestSources,
    roster: { file: roster.file, students: roster.students.length },
    copies,
    setAside,
    absent,
    warnings: [...roster.warnings, ...warnings],
    invariants,
  });
  progress('write', 0, 1, 'manifest.json');
  await writeManifest(options.outDir, manifest);
  await removeStaleCopies(options.outDir, manifest, options.scans);
  progress('write', 1, 1, 'manifest.json');
  return manifest;
}
