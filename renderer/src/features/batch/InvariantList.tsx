import { useTranslation } from 'react-i18next';
import type { Manifest } from '../../../../core/api/contract';
import { reviewText } from '../../i18n/review-text';

const CHECKS = ['everyPageOnce', 'pagesInOrder', 'multipleOfFour'] as const;

export function InvariantList({ invariants }: { invariants: Manifest['invariants'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="invariants-title">
      <h3 id="invariants-title">{t('report.checks')}</h3>
      <ul className="invariants">
        {CHECKS.map((key) => (
          <li key={key} className={invariants[key] ? 'check-ok' : 'check-failed'}>
            <span aria-hidden="true">{invariants[key] ? '✓' : '✗'}</span> {t(`report.${key}`)} :{' '}
            <strong>{invariants[key] ? t('report.held') : t('report.broken')}</strong>
          </li>
        ))}
      </ul>
      {invariants.violations.length > 0 && (
        <ul className="violations" aria-label={t('report.violations')}>
          {invariants.violations.map((violation, index) => (
            <li key={index}>{reviewText(t, invariants.violationCodes?.[index], violation)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
