// A hot folder problem in the UI's words, from its code: the station's English stays in the log and in
// the list item's title (it names the file), never as the sentence itself.
import type { TFunction } from 'i18next';
import type { HotFolderProblem } from '../../../../core/api/contract';

export function problemText(t: TFunction, problem: HotFolderProblem): string {
  const { error, cause } = problem.params;
  return t(`hotFolder.problem.${problem.code}`, {
    ...problem.params,
    ...(error === undefined ? {} : { error: t(`error.${error}`) }),
    ...(cause === undefined ? {} : { cause: t(`hotFolder.cause.${cause}`) }),
  });
}
