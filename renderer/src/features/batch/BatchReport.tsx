import { useTranslation } from 'react-i18next';
import type { BatchDetail } from '../../../../core/api/contract';
import { reviewText } from '../../i18n/review-text';
import { formatDate } from '../../labels';
import { CopyTable } from './CopyTable';
import { InvariantList } from './InvariantList';

export function BatchReport({ batch, onOpenDesk }: { batch: BatchDetail; onOpenDesk: () => void }) {
  const { t, i18n } = useTranslation();
  const { manifest } = batch;
  const ready = manifest.copies.filter((copy) => copy.status === 'ready').length;
  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title', { date: formatDate(batch.createdAt, i18n.language) })}</h2>
      <p className="batch-id">{t('report.batchId', { batchId: batch.batchId })}</p>
      <p className="summary">
        {t('report.summary', {
          copies: manifest.copies.length,
          ready,
          review: manifest.copies.length - ready,
          files: manifest.sources.map((source) => source.file).join(', '),
          roster: manifest.roster.file,
          students: manifest.roster.students,
        })}
      </p>
      <button type="button" className="button-primary" onClick={onOpenDesk}>
        {t('report.openDesk')}
      </button>
      <InvariantList invariants={manifest.invariants} />
      {manifest.warnings.length > 0 && (
        <section aria-labelledby="warnings-title">
          <h3 id="warnings-title">{t('report.warnings')}</h3>
          <ul className="warnings">
            {manifest.warnings.map((warning, index) => (
              <li key={index}>{reviewText(t, manifest.warningCodes?.[index], warning)}</li>
            ))}
          </ul>
        </section>
      )}
      <CopyTable batchId={batch.batchId} manifest={manifest} />
      {manifest.absent.length > 0 && (
        <section aria-labelledby="absent-title">
          <h3 id="absent-title">{t('report.absent', { count: manifest.absent.length })}</h3>
          <p>{manifest.absent.map((student) => student.name).join(', ')}</p>
        </section>
      )}
    </section>
  );
}
