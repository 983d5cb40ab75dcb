import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../../../core/api/contract';
import { formatDate } from '../../labels';

/** "24/11/2026 22:40 — SKM1.pdf, SKM2.pdf — 2 copies : 1 prête, 1 à vérifier, 0 envoyée à Korrigo". */
export function BatchSummaryLine({ batch }: { batch: BatchSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <span>
      <strong>{formatDate(batch.createdAt, i18n.language)}</strong> — {batch.sources.join(', ')} —{' '}
      {batch.state === 'imported' ? (
        <em>{t('history.notProcessed')}</em>
      ) : (
        t('history.summary', {
          count: batch.copies,
          ready: t('history.ready', { count: batch.ready }),
          review: batch.needsReview,
          synced: t('history.synced', { count: batch.synced }),
        })
      )}
      {batch.invariantsHold === false && (
        <strong className="check-failed">{t('history.checksFailed')}</strong>
      )}
    </span>
  );
}
