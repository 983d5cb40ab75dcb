// `korrigo-station sync`: the batch's ready copies to an exam of the school's Korrigo server, each once, with
// its student. Progress on stderr; the copies' states on stdout.
import { EXIT_BUSY, EXIT_COPIES_QUEUED, isKorrigoError } from '../core/errors';
import type { ExamChoice } from '../core/api/contract';
import { runSync } from '../core/sync/run-sync';
import type { SyncReport } from '../core/sync/run-sync';
import type { Command } from './command';
import { withCommandApi } from './command-api';
import { parseCommandArgs } from './command-args';
import { DB_OPTION_HELP, withCommandStore } from './command-store';
import { readPassword } from './read-password';

export const SYNC_USAGE = `Usage: korrigo-station sync --server <url> --user <name>
         (--exam <id or name> | --create-exam <name> --date <yyyy-mm-dd>) [--batch <id>] [--db <file>] [--dry-run]
       korrigo-station sync --forget <copy> [--batch <id>] [--db <file>]
       korrigo-station sync --accept <copy> <server copy id> [--batch <id>] [--db <file>]

Sends every ready copy of a batch (ready when read, or validated by the operator) to an exam of a Korrigo
server, one file per request, and identifies each with its student (matched on the server by e-mail, then
name and birth date; never created). Stopped at any point, the same command resumes: nothing is sent twice.
The password comes from $KORRIGO_PASSWORD, else it is asked for; it is never stored.

Options:
  --server <url>          the Korrigo server, https://... (http only to this computer)
  --user <name>           a teacher or admin account (an e-mail works too)
  --exam <id or name>     an existing exam in INDIVIDUAL_A4 mode
  --create-exam <name>    or create one (INDIVIDUAL_A4) on --date, unless it exists already
  --date <yyyy-mm-dd>     the date of the exam to create
  --batch <id>            the batch to send (default: the newest)
  --dry-run               log in, find the exam and the students, say what would be sent; send nothing
  --forget <copy>         a copy failed or changed since it was sent, checked in Korrigo: the server does not
                          have it (any more); the next sync sends it again if it is ready
  --accept <copy> <id>    the same, but Korrigo's copy <id> holds it as it is now: the next sync identifies it
${DB_OPTION_HELP}
  --verbose               print the stack trace of an error
  -h, --help              show this help

Exit codes: 0 every ready copy is on the server and identified, 2 bad input or login refused, 3 copies remain
queued (each with its reason; run again later), 4 another sync holds the batch, 1 internal error.
`;

export const syncCommand: Command = {
  summary: "send a batch's ready copies to the school's Korrigo server, each once, with its student",
  async run(args) {
    const { values, positionals, usageError } = parseCommandArgs('sync', args, {
      server: { type: 'string' },
      user: { type: 'string' },
      exam: { type: 'string' },
      'create-exam': { type: 'string' },
      date: { type: 'string' },
      batch: { type: 'string' },
      db: { type: 'string' },
      'dry-run': { type: 'boolean' },
      forget: { type: 'string' },
      accept: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(SYNC_USAGE);
      return 0;
    }
    if (values.forget !== undefined || values.accept !== undefined) {
      return settleByHand(values, positionals, usageError);
    }
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
    if (!values.server) throw usageError('--server <url> is required');
    if (!values.user) throw usageError('--user <name> is required');
    const exam = examChoice(values, usageError);
    const password = await readPassword(values.user);
    try {
      const report = await withCommandStore(values.db, false, (store) =>
        runSync(
          store,
          {
            server: values.server!,
            username: values.user!,
            password,
            exam,
            batchId: values.batch,
            dryRun: values['dry-run'],
          },
          { onProgress: (event) => process.stderr.write(`sync: ${event.message}\n`) },
        ),
      );
      printReport(report);
      return report.complete || report.dryRun ? 0 : EXIT_COPIES_QUEUED;
    } catch (error) {
      if (isKorrigoError(error) && error.code === 'busy') {
        process.stderr.write(`korrigo-station: error: ${error.message}; ${error.hint ?? ''}\n`);
        return EXIT_BUSY;
      }
      throw error;
    }
  },
};

/** --forget and --accept, through the API's handler table like the desktop app's panel. */
async function settleByHand(
  values: { forget?: string; accept?: string; batch?: string; db?: string; server?: string; user?: string },
  positionals: string[],
  usageError: (problem: string) => Error,
): Promise<number> {
  if (values.forget !== undefined && values.accept !== undefined) {
    throw usageError('give --forget or --accept, not both');
  }
  if (values.server || values.user) throw usageError('--forget and --accept work on the station alone');
  const remoteCopyId = positionals[0];
  if (values.accept !== undefined && (remoteCopyId === undefined || positionals.length > 1)) {
    throw usageError('--accept <copy> <server copy id>');
  }
  if (values.forget !== undefined && positionals.length > 0) {
    throw usageError(`unexpected argument "${positionals[0]}"`);
  }
  const status = await withCommandApi(values.db, async (api) => {
    const batchId = values.batch ?? (await api.call('batches.list', {}))[0]?.batchId ?? '';
    return values.forget !== undefined
      ? api.call('sync.forget', { batchId, copyId: values.forget })
      : api.call('sync.accept', { batchId, copyId: values.accept!, remoteCopyId: remoteCopyId! });
  });
  const copyId = values.forget ?? values.accept!;
  const copy = status.copies.find((candidate) => candidate.copyId === copyId);
  process.stdout.write(
    values.forget !== undefined
      ? `${copyId}: forgotten; ${copy?.state === 'not-ready' ? 'not ready at the station' : 'the next sync sends it'}\n`
      : `${copyId}: accepted as server copy ${remoteCopyId}; the next sync identifies and checks it\n`,
  );
  return 0;
}

function examChoice(
  values: { exam?: string; 'create-exam'?: string; date?: string },
  usageError: (problem: string) => Error,
): ExamChoice {
  const create = values['create-exam'];
  if (values.exam && create) throw usageError('give --exam or --create-exam, not both');
  if (values.exam) {
    if (values.date) throw usageError('--date goes with --create-exam');
    return { exam: values.exam };
  }
  if (!create)
    throw usageError('--exam <id or name> or --create-exam <name> --date <yyyy-mm-dd> is required');
  const date = values.date ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw usageError('--create-exam needs --date <yyyy-mm-dd>');
  }
  return { create: { name: create, date } };
}

function printReport(report: SyncReport): void {
  const exam =
    'id' in report.exam
      ? `"${report.exam.name}" (${report.exam.id})`
      : `"${report.exam.wouldCreate.name}" (to create)`;
  const lines = report.copies.map(
    (copy) =>
      `${copy.copyId}  ${copy.changed ? 'CHANGED' : copy.state}  ${copy.student ?? '-'}` +
      `${copy.remoteCopyId ? `  ${copy.remoteCopyId}` : ''}${copy.reason ? `  (${copy.reason})` : ''}`,
  );
  const count = (state: string) => report.copies.filter((copy) => copy.state === state).length;
  const summary = report.dryRun
    ? `Dry run: ${count('queued')} copies would go to exam ${exam} on ${report.server}.`
    : `${count('done')} copies on ${report.server}, exam ${exam}, identified; ` +
      `${report.copies.filter((copy) => copy.state !== 'done' && copy.state !== 'not-ready').length} not done, ` +
      `${count('not-ready')} not ready at the station. Logins: ${report.logins}.` +
      (report.nextRequestAt ? ` Next request may go at ${report.nextRequestAt}.` : '');
  process.stdout.write(`${lines.join('\n')}\n${summary}\n`);
}
