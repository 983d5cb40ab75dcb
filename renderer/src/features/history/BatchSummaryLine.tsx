import type { BatchSummary } from '../../../../core/api/contract';
import { formatDate } from '../../labels';

const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? 's' : ''}`;

/** "24/11/2026 22:40 — SKM1.pdf, SKM2.pdf — 2 copies : 1 prête, 1 à vérifier, 0 envoyée à Korrigo". */
export function BatchSummaryLine({ batch }: { batch: BatchSummary }) {
  return (
    <span>
      <strong>{formatDate(batch.createdAt)}</strong> — {batch.sources.join(', ')} —{' '}
      {batch.state === 'imported' ? (
        <em>pas encore traité</em>
      ) : (
        <>
          {plural(batch.copies, 'copie')} : {plural(batch.ready, 'prête')}, {batch.needsReview} à vérifier,{' '}
          {plural(batch.synced, 'envoyée')} à Korrigo
        </>
      )}
      {batch.invariantsHold === false && <strong className="check-failed"> — contrôles en échec</strong>}
    </span>
  );
}
