import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { BatchDetail, BatchSummary } from '../../../../core/api/contract';
import type { WireError } from '../../../../core/api/wire';
import { ErrorAlert } from '../../ErrorAlert';
import { useHost } from '../../host';
import { BatchSummaryLine } from './BatchSummaryLine';

interface BatchHistoryProps {
  /** Bumped by the parent when a batch was added, to reload the list. */
  revision: number;
  shownBatchId: string | undefined;
  onShow: (batch: BatchDetail) => void;
}

export function BatchHistory({ revision, shownBatchId, onShow }: BatchHistoryProps) {
  const { bridge } = useHost();
  const { t } = useTranslation();
  const [batches, setBatches] = useState<BatchSummary[] | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  // A sync that ended changed how many copies of a batch the server has.
  const [syncs, setSyncs] = useState(0);
  // So did a batch made elsewhere: by the hot folder, another window, the CLI on this station.
  useEffect(() => {
    const bump = () => setSyncs((count) => count + 1);
    const offSync = bridge.on('sync.progress', (event) => {
      if (event.stage === 'done') bump();
    });
    const offBatch = bridge.on('batch.progress', (event) => {
      if (event.stage === 'write' && event.done === event.total) bump();
    });
    return () => {
      offSync();
      offBatch();
    };
  }, [bridge]);

  useEffect(() => {
    let current = true;
    void bridge.invoke('batches.list', {}).then((reply) => {
      if (!current) return;
      if (reply.ok) setBatches(reply.result);
      else setError(reply.error);
    });
    return () => {
      current = false;
    };
  }, [bridge, revision, syncs]);

  const show = async (batchId: string) => {
    setError(null);
    const reply = await bridge.invoke('batches.get', { batchId });
    if (reply.ok) onShow(reply.result);
    else setError(reply.error);
  };

  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {error && <ErrorAlert error={error} />}
      {batches === null && !error && <p className="hint">{t('history.loading')}</p>}
      {batches?.length === 0 && <p className="hint">{t('history.empty')}</p>}
      {batches && batches.length > 0 && (
        <ul className="history" aria-label={t('history.title')}>
          {batches.map((batch) => (
            <li key={batch.batchId} aria-current={batch.batchId === shownBatchId ? 'true' : undefined}>
              <BatchSummaryLine batch={batch} />
              <button
                type="button"
                className="button-small"
                aria-label={t('history.showBatch', { batchId: batch.batchId })}
                onClick={() => void show(batch.batchId)}
              >
                {t('history.show')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
