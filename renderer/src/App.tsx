import { useState } from 'react';
import type { BatchDetail } from '../../core/api/contract';
import { BatchReport } from './features/batch/BatchReport';
import { BatchHistory } from './features/history/BatchHistory';
import { NewBatch } from './features/new-batch/NewBatch';
import { EndSession } from './EndSession';
import { useHost } from './host';

export function App() {
  const host = useHost();
  const { bridge } = host;
  const [shown, setShown] = useState<BatchDetail | null>(null);
  const [historyRevision, setHistoryRevision] = useState(0);

  const showProcessed = (batch: BatchDetail) => {
    setShown(batch);
    setHistoryRevision((revision) => revision + 1);
  };

  return (
    <>
      <header className="app-header">
        <h1>Korrigo Scan Station</h1>
        <span className="version">version {bridge.version}</span>
        {host.kind === 'browser' && <EndSession bridge={host.bridge} />}
      </header>
      <main className="app-main">
        <NewBatch onProcessed={showProcessed} />
        {shown && <BatchReport batch={shown} />}
        <BatchHistory revision={historyRevision} shownBatchId={shown?.batchId} onShow={setShown} />
      </main>
    </>
  );
}
