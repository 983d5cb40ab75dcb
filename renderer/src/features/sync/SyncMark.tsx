import { useTranslation } from 'react-i18next';
import type { SyncedCopy } from '../../../../core/api/contract';
import './sync.css';

/** Beside a copy in the workspace: on the Korrigo server, or changed since it was sent there. */
export function SyncMark({ copy }: { copy: SyncedCopy | undefined }) {
  const { t } = useTranslation();
  if (copy?.changed) return <span className="badge badge-sync-changed">{t('sync.changedBadge')}</span>;
  if (copy?.state === 'done') return <span className="badge badge-sync-done">{t('sync.onServer')}</span>;
  return null;
}
