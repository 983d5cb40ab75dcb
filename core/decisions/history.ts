// Undo and redo as an editor does them: undo takes back the latest decision still in force, redo brings back
// the latest one undone, and a new decision forgets what was undone. Replayed from the log alone.
import type { Decision, LogEntry } from './decision';

export interface History {
  /** The decisions in force, in the order they were made. */
  active: { seq: number; decision: Decision }[];
  /** What undo or redo would act on now (undefined: nothing to undo, nothing to redo). */
  undoable: number | undefined;
  redoable: number | undefined;
}

export function resolveHistory(log: readonly LogEntry[]): History {
  const done: { seq: number; decision: Decision }[] = [];
  const undone: { seq: number; decision: Decision }[] = [];
  for (const { seq, action } of log) {
    if (action.kind === 'undo' || action.kind === 'redo') {
      const [from, to] = action.kind === 'undo' ? [done, undone] : [undone, done];
      const top = from.at(-1);
      if (top?.seq !== action.target) {
        throw new Error(
          `log entry ${seq}: ${action.kind} of ${action.target}, but the ${action.kind} stack holds ${top?.seq ?? 'nothing'}`,
        );
      }
      to.push(from.pop()!);
    } else {
      done.push({ seq, decision: action });
      undone.length = 0;
    }
  }
  return { active: done, undoable: done.at(-1)?.seq, redoable: undone.at(-1)?.seq };
}
