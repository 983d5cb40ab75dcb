// What `korrigo-station process <scans> --roster <csv> --out <dir> --db <file>` runs once process-command
// routes --db through the store: a separate process the kill tests can SIGKILL for real.
// Usage: node --import tsx test/jobs/process-entry.ts <db> <roster> <out> <scan.pdf>...
// With KORRIGO_TEST_KILL_AFTER_LINES=N, the process SIGKILLs itself right after its Nth line on stderr: a
// kill at an exact point of the run (stderr is a pipe, written synchronously, so the line is out first).
// Identification is off unless KORRIGO_TEST_IDENTIFY=1: reading costs about a second a sheet.
import { progressPrinter } from '../../cli/progress';
import { reportError } from '../../cli/report-error';
import { processInto } from '../../core/jobs/process-scans';
import { openStore } from '../../core/store/open-store';

const killAfter = Number(process.env.KORRIGO_TEST_KILL_AFTER_LINES ?? 0);
if (killAfter > 0) {
  let lines = 0;
  const write = process.stderr.write.bind(process.stderr) as (text: string) => boolean;
  process.stderr.write = ((text: string) => {
    const written = write(text);
    lines += text.split('\n').length - 1;
    if (lines >= killAfter) process.kill(process.pid, 'SIGKILL');
    return written;
  }) as typeof process.stderr.write;
}

const [db, roster, outDir, ...scans] = process.argv.slice(2);
const progress = progressPrinter(process.stderr);
try {
  const store = openStore(db!);
  const { batchId, manifest } = await processInto(store, {
    scans,
    roster: roster!,
    outDir: outDir!,
    onProgress: progress.onProgress,
    identify: process.env.KORRIGO_TEST_IDENTIFY === '1',
  });
  store.close();
  process.stdout.write(`batch ${batchId}: ${manifest.copies.length} copies\n`);
} catch (error) {
  process.exitCode = reportError(error, true, (text) => process.stderr.write(text));
}
