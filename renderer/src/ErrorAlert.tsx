import { useTranslation } from 'react-i18next';
import type { WireError } from '../../core/api/wire';
import { describeError } from './errors';

export function ErrorAlert({ error, nameCopy }: { error: WireError; nameCopy?: (id: string) => string }) {
  const { t } = useTranslation();
  const { message, detail } = describeError(t, error, nameCopy);
  return (
    <div role="alert" className="error-alert">
      <p className="error-message">{message}</p>
      {detail && <p className="error-detail">{error.note ? detail : t('error.detail', { detail })}</p>}
    </div>
  );
}
