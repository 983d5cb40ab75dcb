import { join } from 'node:path';
import { readOneBatchOnly } from '../core/identify/read-sides';
import type { Manifest } from '../core/manifest';
import { MANIFEST_FILE } from '../core/pipeline/output-dir';
import { commonOptionsHelp, copyExitCodesHelp, defineCommand } from './command';
import { withCommandApi, withThrowawayApi } from './command-api';
import type { CommandApi } from './command-api';
import { commandUsageError } from './command-args';
import { progressPrinter } from './progress';

export const PROCESS_USAGE = `Usage: korrigo-station process <scan.pdf>... --roster <students.csv> --out <dir> [--db <file>]

Splits the folded A3 sheets of the scanner PDFs, puts every page in reading order and writes one PDF
per copy (<dir>/copies/*.pdf) and <dir>/manifest.json. The scan files, in the order given, form one
stack: a recto at the end of one file pairs with the verso at the start of the next.

Options:
  --roster <file>  Pronote roster CSV (required)
  --out <dir>      output folder, created if missing (required); copy PDFs of an earlier run of the
                   same scans that the new manifest does not list are removed; a folder holding
                   another batch's output is refused
  --db <file>      keep the batch in the station's store (SQLite): the scans are copied in, the run
                   resumes where it stopped if interrupted, and \`batches\`/\`export\` see it.
                   Also used when $KORRIGO_DB is set. Without either, nothing is stored.
  --no-identify    do not read the headers: every sheet is a copy of its own, for review
${commonOptionsHelp()}

${copyExitCodesHelp('processed')}
`;

export const processCommand = defineCommand({
  name: 'process',
  summary: 'split scanner PDFs into one PDF per copy, plus manifest.json',
  usage: PROCESS_USAGE,
  options: {
    roster: { type: 'string', multiple: true },
    out: { type: 'string', multiple: true },
    db: { type: 'string', multiple: true },
    'no-identify': { type: 'boolean' },
  },
  async run({ values, positionals }) {
    const roster = single(values.roster, 'roster', '<students.csv>');
    const outDir = single(values.out, 'out', '<dir>');
    const db = values.db ? single(values.db, 'db', '<file>') : process.env.KORRIGO_DB || undefined;
    if (positionals.length === 0) throw usageError('no scan PDF given');
    readOneBatchOnly();

    const progress = progressPrinter(process.stderr);
    const run = (api: CommandApi) => {
      api.on('batch.progress', progress.onProgress);
      return api.call('batches.process', {
        scans: positionals,
        roster,
        outDir,
        identify: !values['no-identify'],
      });
    };
    let manifest: Manifest;
    try {
      ({ manifest } = db ? await withCommandApi(db, run, { create: true }) : await withThrowawayApi(run));
    } finally {
      progress.finish();
    }
    printSummary(manifest, outDir);
  },
});

const usageError = (problem: string) => commandUsageError('process', problem);

/** An option given once (given twice it is refused, not silently the last). */
function single(values: string[] | undefined, name: string, placeholder: string): string {
  if (!values || values.length === 0) throw usageError(`--${name} ${placeholder} is required`);
  if (values.length > 1) throw usageError(`--${name} is given ${values.length} times`);
  return values[0]!;
}

function printSummary(manifest: Manifest, outDir: string): void {
  const pages = manifest.sources.reduce((sum, source) => sum + source.pages, 0);
  const review = manifest.copies.filter((copy) => copy.status === 'needs_review').length;
  for (const warning of manifest.warnings) process.stderr.write(`korrigo-station: warning: ${warning}\n`);
  // Quality warnings name their file already: one line each, after the batch's own warnings.
  for (const warning of manifest.sources.flatMap((source) => source.quality?.warnings ?? [])) {
    process.stderr.write(`korrigo-station: warning: ${warning}\n`);
  }
  for (const violation of manifest.invariants.violations) {
    process.stderr.write(`korrigo-station: warning: ${violation}\n`);
  }
  process.stdout.write(
    `${manifest.sources.length} scan file${manifest.sources.length === 1 ? '' : 's'}, ${pages} pages: ` +
      `${manifest.copies.length} copies, ${review} to review. Manifest: ${join(outDir, MANIFEST_FILE)}\n`,
  );
}
