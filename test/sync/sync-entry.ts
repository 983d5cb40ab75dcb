// A sync run as its own process, with the tests' millisecond timings, for the kill tests to SIGKILL.
// argv: <db> <server> <exam id>; the password comes from KORRIGO_PASSWORD as in the CLI.
import { openStore } from '../../core/store/open-store';
import { runSync } from '../../core/sync/run-sync';
import { FAST, TEACHER } from './sync-fixture';

const [db, server, examId] = process.argv.slice(2) as [string, string, string];
const store = openStore(db);
try {
  const report = await runSync(
    store,
    {
      server,
      username: TEACHER.username,
      password: process.env.KORRIGO_PASSWORD ?? '',
      exam: { exam: examId },
    },
    {
      ...FAST,
      onProgress: (event) => process.stderr.write(`${event.stage} ${event.copyId ?? ''} ${event.message}\n`),
    },
  );
  process.stdout.write(JSON.stringify(report));
  process.exitCode = report.complete ? 0 : 3;
} finally {
  store.close();
}
