// `korrigo-station decide`: one operator decision on a stored batch's copies, recorded in its log (so it
// can be undone) and applied at once. The copies' ids and pages are those of `export`'s manifest.json.
import { userInfo } from 'node:os';
import { KorrigoError } from '../core/errors';
import type { ManifestCopy, ManifestStudent } from '../core/manifest';
import { commonOptionsHelp, defineCommand } from './command';
import { withCommandApi } from './command-api';
import { DB_OPTION_HELP } from './command-store';
import { kindsHelp, namesStudent, parseDecision } from './decision-args';
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
${commonOptionsHelp()}

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
    await withCommandApi(
      values.db,
      async (api) => {
        // The roster is asked for only when the decision names a student.
        const roster = namesStudent(words[0]) ? await api.call('batches.roster', { batchId }) : [];
        const decision = parseDecision(words, studentFinder(roster, batchId), usageError);
        const applied = await api.call('copies.decide', { batchId, decision });
        process.stdout.write(
          `#${applied.entry.seq} ${describeAction(applied.entry.action)}. ${copiesLine(applied.manifest.copies)}\n`,
        );
      },
      { operator },
    );
  },
});

/** Students are named by email on the command line, and recorded as the batch's roster has them. */
function studentFinder(roster: readonly ManifestStudent[], batchId: string) {
  return (email: string) => {
    const wanted = email.toLowerCase();
    const student = roster.find((candidate) => candidate.email.toLowerCase() === wanted);
    if (!student) {
      throw new KorrigoError(
        'decision-invalid',
        `batch ${batchId}: no student with email ${email} in the batch's roster`,
      );
    }
    return student;
  };
}

export function copiesLine(copies: readonly ManifestCopy[]): string {
  const ready = copies.filter((copy) => copy.status === 'ready').length;
  return `Now ${copies.length} copies, ${ready} ready, ${copies.length - ready} to review.`;
}
