// `korrigo-station decide`: one operator decision on a stored batch's copies, recorded in its log (so it
// can be undone) and applied at once. The copies' ids and pages are those of `export`'s manifest.json.
import { userInfo } from 'node:os';
import { KorrigoError } from '../core/errors';
import type { ManifestCopy } from '../core/manifest';
import { recordDecision } from '../core/jobs/operator-decisions';
import { findBatch } from '../core/store/batch-rows';
import type { Store } from '../core/store/open-store';
import { rosterInfo, rosterStudents } from '../core/store/roster-rows';
import { batchNotFoundError } from '../core/store/store-errors';
import { defineCommand } from './command';
import { DB_OPTION_HELP, withCommandStore } from './command-store';
import { kindsHelp, parseDecision } from './decision-args';
import { describeAction } from './describe-decision';

export const DECIDE_USAGE = `Usage: korrigo-station decide <batch-id> <decision> <argument>... [--by <operator>] [--db <file>]

Records one decision on the batch's copies and applies it; "undo" takes it back. A copy is named by its
id and a page by FILE:PAGE:HALF, as in manifest.json (an id changes when its copy's first page does; a
rescan is named by one of its pages, as listed in "setAside"). Then "export" writes the copies as decided.

Decisions:
${kindsHelp()}

Options:
  --by <operator>  who decides, kept in the log (default: the user logged in)
${DB_OPTION_HELP}
  --verbose        print the stack trace of an error
  -h, --help       show this help

Exit codes: 0 recorded, 2 refused (unknown batch or copy, a decision that does not apply, bad
arguments), 3 database of a newer station, 4 database busy (try again later), 1 internal error.
`;

export const BY_OPTION = { by: { type: 'string' } } as const;

/** Who is recorded as deciding: --by, else the account running the command. */
export function operatorName(by: string | undefined, usageError: (problem: string) => Error): string {
  if (by === undefined) return userInfo().username;
  if (by.trim() === '') throw usageError('--by needs an operator name');
  return by.trim();
}

export const decideCommand = defineCommand({
  name: 'decide',
  summary:
    'record an operator decision on a stored batch (assign, move, rotate, blank, split, merge, validate, keep a rescan)',
  usage: DECIDE_USAGE,
  options: { ...BY_OPTION, db: { type: 'string' } },
  async run({ values, positionals, usageError }) {
    const [batchId, ...words] = positionals;
    if (batchId === undefined) throw usageError('no batch id given');
    const operator = operatorName(values.by, usageError);
    await withCommandStore(values.db, false, (store) => {
      const decision = parseDecision(words, studentFinder(store, batchId), usageError);
      const outcome = recordDecision(store, batchId, operator, decision);
      const entry = outcome.log.at(-1)!;
      process.stdout.write(`#${entry.seq} ${describeAction(entry.action)}. ${copiesLine(outcome.copies)}\n`);
    });
  },
});

/** Students are named by email on the command line, and recorded as the batch's roster has them. */
function studentFinder(store: Store, batchId: string) {
  return (email: string) => {
    const batch = findBatch(store.db, batchId);
    if (!batch) throw batchNotFoundError(store.path, batchId);
    const wanted = email.toLowerCase();
    const student = rosterStudents(store.db, batch.rosterSha256).find(
      (candidate) => candidate.email.toLowerCase() === wanted,
    );
    if (!student) {
      const roster = rosterInfo(store.db, batch.rosterSha256).fileName;
      throw new KorrigoError(
        'decision-invalid',
        `batch ${batchId}: no student with email ${email} in the roster ${roster}`,
      );
    }
    return student;
  };
}

export function copiesLine(copies: readonly ManifestCopy[]): string {
  const ready = copies.filter((copy) => copy.status === 'ready').length;
  return `Now ${copies.length} copies, ${ready} ready, ${copies.length - ready} to review.`;
}
