import type { ShownStage } from '../../labels';
import { STAGE_LABELS } from '../../labels';

export type StageProgress = Partial<Record<ShownStage, { done: number; total: number }>>;

export function ProgressPanel({ stages, progress }: { stages: ShownStage[]; progress: StageProgress }) {
  return (
    <section className="progress-panel" aria-labelledby="progress-title">
      <h3 id="progress-title">Progression</h3>
      <ol className="stage-list">
        {stages.map((stage) => {
          const current = progress[stage];
          const label = STAGE_LABELS[stage];
          return (
            <li key={stage} className={current && current.done >= current.total ? 'stage-done' : undefined}>
              <span className="stage-label">{label}</span>
              <progress aria-label={label} max={current?.total || 1} value={current?.done ?? 0} />
              <span className="stage-count">
                {current ? `${current.done} / ${current.total}` : 'en attente'}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
