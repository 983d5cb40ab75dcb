import { useTranslation } from 'react-i18next';
import type { WireError } from '../../core/api/wire';
import { describeError } from './errors';

export function ErrorAlert({ error }: { error: WireError }) {
  const { t } = useTranslation();
  const { message, detail } = describeError(t, error);
  return (
    <div role="alert" className="error-alert">
      <p className="error-message">{message}</p>
      {detail && <p className="error-detail">{t('error.detail', { detail })}</p>}
    </div>
  );
}
