// What is wrong with the watched folder now (files refused, folder or roster unreadable), newest first,
// each with its time: the operator sees why a scan did not become a batch without reading the log.
import { useTranslation } from 'react-i18next';
import type { HotFolderProblem } from '../../../../core/api/contract';
import { formatDate } from '../../labels';
import { problemText } from './problem-text';

export function HotFolderProblems({ problems }: { problems: HotFolderProblem[] }) {
  const { t, i18n } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <section className="hot-folder-problems" aria-labelledby="hot-folder-problems-title">
      <h3 id="hot-folder-problems-title">{t('hotFolder.problems')}</h3>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.at}-${problem.code}`} title={problem.params.detail}>
            <time dateTime={problem.at}>{formatDate(problem.at, i18n.language)}</time>{' '}
            {problemText(t, problem)}
          </li>
        ))}
      </ul>
    </section>
  );
}
