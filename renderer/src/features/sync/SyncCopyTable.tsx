import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { SyncedCopy } from '../../../../core/api/contract';
import { needsHand, syncReasonText, syncStateText } from './sync-text';

interface SyncCopyTableProps {
  copies: SyncedCopy[];
  busy: boolean;
  onForget: (copyId: string) => void;
  onAccept: (copyId: string, remoteCopyId: string) => void;
}

export function SyncCopyTable({ copies, busy, onForget, onAccept }: SyncCopyTableProps) {
  const { t } = useTranslation();
  return (
    <table className="copies sync-copies">
      <caption>{t('sync.copies')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sync.copy')}</th>
          <th scope="col">{t('sync.student')}</th>
          <th scope="col">{t('sync.state')}</th>
          <th scope="col">{t('sync.reason')}</th>
          <th scope="col">{t('sync.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {copies.map((copy, index) => (
          <tr key={copy.copyId} data-copy-id={copy.copyId}>
            <th scope="row">{index + 1}</th>
            <td>{copy.student ?? '—'}</td>
            <td>
              <span className={`badge badge-sync-${copy.state}`}>{syncStateText(t, copy)}</span>
              {copy.changed && <span className="badge badge-sync-changed">{t('sync.changedBadge')}</span>}
              {copy.remoteCopyId && <p className="hint">{t('sync.remote', { id: copy.remoteCopyId })}</p>}
            </td>
            <td>
              {syncReasonText(t, copy) ?? '—'}
              {copy.reasonCode && copy.reason && (
                <p className="error-detail">{t('error.detail', { detail: copy.reason })}</p>
              )}
            </td>
            <td>
              {needsHand(copy) && (
                <SettleByHand n={index + 1} copy={copy} busy={busy} onForget={onForget} onAccept={onAccept} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SettleByHand({
  n,
  copy,
  busy,
  onForget,
  onAccept,
}: { n: number; copy: SyncedCopy } & Omit<SyncCopyTableProps, 'copies'>) {
  const { t } = useTranslation();
  const [remoteId, setRemoteId] = useState('');
  return (
    <div className="sync-settle">
      <button
        type="button"
        disabled={busy}
        title={t('sync.forgetHint')}
        onClick={() => onForget(copy.copyId)}
      >
        {t('sync.forget')}
      </button>
      <input
        type="text"
        aria-label={t('sync.acceptId', { n })}
        placeholder="00000000-0000-…"
        value={remoteId}
        onChange={(event) => setRemoteId(event.currentTarget.value.trim())}
      />
      <button
        type="button"
        disabled={busy || remoteId === ''}
        onClick={() => onAccept(copy.copyId, remoteId)}
      >
        {t('sync.accept')}
      </button>
    </div>
  );
}
