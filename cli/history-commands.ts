// `korrigo-station undo`, `redo` and `history`: the decision log of a stored batch, as an editor's undo
// stack. Undo and redo are recorded too, so `history` shows everything that was done, by whom, when.
import type { BatchHistory, LogEntry } from '../core/api/contract';
import { resolveHistory } from '../core/decisions/history';
import { commonOptionsHelp, defineCommand } from './command';
import type { Command } from './command';
import { withCommandApi } from './command-api';
import { DB_OPTION_HELP } from './command-store';
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
${commonOptionsHelp()}
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
  --json           print the log as JSON (the API's batches.history)
${commonOptionsHelp()}
`;

function undoRedoCommand(name: 'undo' | 'redo'): Command {
  const [help, done] = name === 'undo' ? [UNDO_USAGE, 'Undid'] : [REDO_USAGE, 'Redid'];
  return defineCommand({
    name,
    summary:
      name === 'undo' ? 'take back the latest decision on a batch' : 'bring back the latest decision undone',
    usage: help,
    options: { ...BY_OPTION, db: { type: 'string' } },
    async run({ values, positionals, usageError }) {
      if (positionals.length !== 1) throw usageError('give exactly one batch id');
      const operator = operatorName(values.by, usageError);
      const batchId = positionals[0]!;
      const { entry, target, manifest } = await withCommandApi(
        values.db,
        (api) => api.call(`copies.${name}`, { batchId }),
        { operator },
      );
      process.stdout.write(
        `#${entry.seq} ${done} #${target!.seq} (${describeAction(target!.action)}). ${copiesLine(manifest.copies)}\n`,
      );
    },
  });
}

export const undoCommand = undoRedoCommand('undo');
export const redoCommand = undoRedoCommand('redo');

export const historyCommand = defineCommand({
  name: 'history',
  summary: "print a batch's decision log, undos and redos included",
  usage: HISTORY_USAGE,
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals, usageError }) {
    if (positionals.length !== 1) throw usageError('give exactly one batch id');
    const batchId = positionals[0]!;
    const history = await withCommandApi(values.db, (api) => api.call('batches.history', { batchId }));
    process.stdout.write(values.json ? `${JSON.stringify(history, null, 2)}\n` : historyText(history));
  },
});

function historyText({ log, undoable, redoable }: BatchHistory): string {
  if (log.length === 0) return 'No decision on this batch yet.\n';
  const inForce = new Set(resolveHistory(log).active.map((entry) => entry.seq));
  const undone = (entry: LogEntry) =>
    entry.action.kind !== 'undo' && entry.action.kind !== 'redo' && !inForce.has(entry.seq);
  const lines = log.map(
    (entry) =>
      `#${entry.seq}  ${entry.at.slice(0, 19).replace('T', ' ')}  ${entry.operator}  ${describeAction(entry.action)}${undone(entry) ? '  (undone)' : ''}`,
  );
  const undo = undoable === null ? 'nothing to undo' : `undo takes back #${undoable}`;
  const redo = redoable === null ? 'nothing to redo' : `redo brings back #${redoable}`;
  return `${lines.join('\n')}\n${undo}; ${redo}.\n`;
}
