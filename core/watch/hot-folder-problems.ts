// The hot folder's unsettled problems, kept for the panel: the station log says them in English, the
// operator at the desk needs them in words, and needs to see them go once they are over (the folder back,
// the roster readable again, the refused file imported after it was replaced).
import type { HotFolderProblem } from '../api/contract';
import type { HotFolderEvent } from './hot-folder';

/** Enough to see what is wrong now; older problems are in the station log. */
export const KEPT_PROBLEMS = 5;

const FILES_SEPARATOR = ', ';

/** Every code a problem can have: the UI's catalogue says each. */
export const PROBLEM_CODES = ['files-refused', 'folder-unavailable', 'roster-unreadable'] as const;

/** The problems once `event` has happened at `at` (ISO 8601), newest first. */
export function withEvent(
  problems: HotFolderProblem[],
  event: HotFolderEvent,
  at: string,
): HotFolderProblem[] {
  const added = (code: (typeof PROBLEM_CODES)[number], params: Record<string, string>) =>
    [{ code, params, at }, ...problems].slice(0, KEPT_PROBLEMS);
  switch (event.kind) {
    case 'refused':
      return added('files-refused', {
        files: event.files.join(FILES_SEPARATOR),
        error: event.code,
        detail: event.error,
      });
    case 'folder-unavailable':
      return added('folder-unavailable', { cause: event.cause, detail: event.reason });
    case 'roster-unavailable':
      return added('roster-unreadable', { error: event.code, detail: event.error });
    case 'folder-available':
      return problems.filter((problem) => problem.code !== 'folder-unavailable');
    case 'roster-available':
      return problems.filter((problem) => problem.code !== 'roster-unreadable');
    case 'imported':
    case 'already-imported': {
      // A refused file is tried again once it changes: once it is imported, its refusal is over.
      const imported = new Set(event.files);
      return problems.filter(
        (problem) =>
          problem.code !== 'files-refused' ||
          !problem.params.files!.split(FILES_SEPARATOR).some((name) => imported.has(name)),
      );
    }
  }
}
