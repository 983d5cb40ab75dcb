import { join } from 'node:path';
import type { Manifest } from '../core/manifest';
import { MANIFEST_FILE } from '../core/pipeline/output-dir';
import { commonOptionsHelp, copyExitCodesHelp, defineCommand } from './command';
import { withCommandApi } from './command-api';
import { DB_OPTION_HELP } from './command-store';
import { progressPrinter } from './progress';

export const EXPORT_USAGE = `Usage: korrigo-station export <batch-id> --out <dir> [--db <file>]

Writes the batch's copies as they stand (with every operator decision) as one PDF per copy
(<dir>/copies/*.pdf) and <dir>/manifest.json, the same files as "process" writes. An export that was
interrupted is finished by the same command: copies already written are kept.

Options:
  --out <dir>      output folder, created if missing (required); copy PDFs of an earlier export in it
                   that the new manifest does not list are removed
${DB_OPTION_HELP}
${commonOptionsHelp()}

${copyExitCodesHelp('exported')}
`;

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'write the copy PDFs and manifest.json of a batch of the station database',
  usage: EXPORT_USAGE,
  options: { out: { type: 'string' }, db: { type: 'string' } },
  async run({ values, positionals, usageError }) {
    if (positionals.length === 0) throw usageError('no batch id given');
    if (positionals.length > 1) throw usageError(`one batch at a time, not ${positionals.length}`);
    if (!values.out) throw usageError('--out <dir> is required');
    const outDir = values.out;
    const progress = progressPrinter(process.stderr);
    try {
      const { manifest } = await withCommandApi(values.db, (api) => {
        api.on('batch.progress', progress.onProgress);
        return api.call('batches.export', { batchId: positionals[0]!, outDir });
      });
      progress.finish();
      printSummary(manifest, outDir);
    } finally {
      progress.finish();
    }
  },
});

function printSummary(manifest: Manifest, outDir: string): void {
  const ready = manifest.copies.filter((copy) => copy.status === 'ready').length;
  for (const warning of manifest.warnings) process.stderr.write(`korrigo-station: warning: ${warning}\n`);
  for (const violation of manifest.invariants.violations) {
    process.stderr.write(`korrigo-station: warning: ${violation}\n`);
  }
  process.stdout.write(
    `${manifest.copies.length} copies, ${ready} ready, ${manifest.copies.length - ready} to review. ` +
      `Manifest: ${join(outDir, MANIFEST_FILE)}\n`,
  );
}
