// `korrigo-station undo`, `redo` and `history`: the decision log of a stored batch, as an editor's undo
// stack. Undo and redo are recorded too, so `history` shows everything that was done, by whom, when.
import { batchHistory, redoDecision, undoDecision } from '../core/jobs/operator-decisions';
import type { DecisionOutcome } from '../core/jobs/operator-decisions';
import { resolveHistory } from '../core/decisions/history';
import { findBatch } from '../core/store/batch-rows';
import { batchNotFoundError } from '../core/store/store-errors';
import type { Command } from './command';
import { parseCommandArgs } from './command-args';
import { DB_OPTION_HELP, withCommandStore } from './command-store';
import { BY_OPTION, copiesLine, operatorName } from './decide-command';
import { describeAction } from './describe-decision';

const usage = (
  name: 'undo' | 'redo',
  what: string,
) => `Usage: korrigo-station ${name} <batch-id> [--by <operator>] [--db <file>]

${what}

Options:
  --by <operator>  who does it, kept in the log (default: the user logged in)
${DB_OPTION_HELP}
  --verbose        print the stack trace of an error
  -h, --help       show this help
`;

export const UNDO_USAGE = usage(
  'undo',
  'Takes back the latest decision still in force on the batch (the undo is recorded in its log).',
);
export const REDO_USAGE = usage(
  'redo',
  'Brings back the latest decision undone, unless a new decision was made since.',
);

export const HISTORY_USAGE = `Usage: korrigo-station history <batch-id> [--db <file>] [--json]

Prints the batch's decision log, oldest first: number, time (UTC), operator, what was done, and which
decisions are undone. Ends with what undo and redo would do now.

Options:
${DB_OPTION_HELP}
  --json           print the log as JSON
  -h, --help       show this help
`;

function stackCommand(name: 'undo' | 'redo'): Command {
  const [help, act, done] =
    name === 'undo' ? [UNDO_USAGE, undoDecision, 'Undid'] : [REDO_USAGE, redoDecision, 'Redid'];
  return {
    summary:
      name === 'undo' ? 'take back the latest decision on a batch' : 'bring back the latest decision undone',
    async run(args) {
      const { values, positionals, usageError } = parseCommandArgs(name, args, {
        ...BY_OPTION,
        db: { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) {
        process.stdout.write(help);
        return 0;
      }
      if (positionals.length !== 1) throw usageError('give exactly one batch id');
      const operator = operatorName(values.by, usageError);
      await withCommandStore(values.db, false, (store) => {
        const outcome: DecisionOutcome = act(store, positionals[0]!, operator);
        const entry = outcome.log.at(-1)!;
        const target = entry.action.kind === name ? entry.action.target : undefined;
        const undone = outcome.log.find((other) => other.seq === target)!;
        process.stdout.write(
          `#${entry.seq} ${done} #${undone.seq} (${describeAction(undone.action)}). ${copiesLine(outcome.copies)}\n`,
        );
      });
      return 0;
    },
  };
}

export const undoCommand = stackCommand('undo');
export const redoCommand = stackCommand('redo');

export const historyCommand: Command = {
  summary: "print a batch's decision log, undos and redos included",
  async run(args) {
    const { values, positionals, usageError } = parseCommandArgs('history', args, {
      db: { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(HISTORY_USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw usageError('give exactly one batch id');
    const batchId = positionals[0]!;
    await withCommandStore(values.db, false, (store) => {
      if (!findBatch(store.db, batchId)) throw batchNotFoundError(store.path, batchId);
      const history = batchHistory(store, batchId);
      const inForce = new Set(resolveHistory(history.log).active.map((entry) => entry.seq));
      const entries = history.log.map((entry) => ({
        ...entry,
        undone: entry.action.kind !== 'undo' && entry.action.kind !== 'redo' && !inForce.has(entry.seq),
      }));
      const result = { entries, undoable: history.undoable ?? null, redoable: history.redoable ?? null };
      process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : historyText(result));
    });
    return 0;
  },
};

function historyText(history: {
  entries: {
    seq: number;
    at: string;
    operator: string;
    action: Parameters<typeof describeAction>[0];
    undone: boolean;
  }[];
  undoable: number | null;
  redoable: number | null;
}): string {
  if (history.entries.length === 0) return 'No decision on this batch yet.\n';
  const lines = history.entries.map(
    (entry) =>
      `#${entry.seq}  ${entry.at.slice(0, 19).replace('T', ' ')}  ${entry.operator}  ${describeAction(entry.action)}${entry.undone ? '  (undone)' : ''}`,
  );
  const undo = history.undoable === null ? 'nothing to undo' : `undo takes back #${history.undoable}`;
  const redo = history.redoable === null ? 'nothing to redo' : `redo brings back #${history.redoable}`;
  return `${lines.join('\n')}\n${undo}; ${redo}.\n`;
}
