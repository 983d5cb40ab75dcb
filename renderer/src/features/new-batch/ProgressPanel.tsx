import { useTranslation } from 'react-i18next';
import type { ShownStage } from '../../labels';

export const PIPELINE_STAGES: ShownStage[] = ['load', 'classify', 'identify', 'split', 'write'];

export type StageProgress = Partial<Record<ShownStage, { done: number; total: number }>>;

export function ProgressPanel({ stages, progress }: { stages: ShownStage[]; progress: StageProgress }) {
  const { t } = useTranslation();
  return (
    <section className="progress-panel" aria-labelledby="progress-title">
      <h3 id="progress-title">{t('newBatch.progress')}</h3>
      <ol className="stage-list">
        {stages.map((stage) => {
          const current = progress[stage];
          const label = t(`stage.${stage}`);
          return (
            <li key={stage} className={current && current.done >= current.total ? 'stage-done' : undefined}>
              <span className="stage-label">{label}</span>
              <progress aria-label={label} max={current?.total || 1} value={current?.done ?? 0} />
              <span className="stage-count">
                {current ? `${current.done} / ${current.total}` : t('newBatch.waiting')}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
