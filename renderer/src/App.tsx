import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchDetail } from '../../core/api/contract';
import { BatchReport } from './features/batch/BatchReport';
import { Desk } from './features/desk/Desk';
import { BatchHistory } from './features/history/BatchHistory';
import { HotFolderPanel } from './features/hot-folder/HotFolderPanel';
import { NewBatch } from './features/new-batch/NewBatch';
import { SyncPanel } from './features/sync/SyncPanel';
import { deskInAddress, showDeskInAddress } from './desk-address';
import { EndSession } from './EndSession';
import { useHost } from './host';
import { LANGUAGES } from './i18n/i18n';

export function App() {
  const host = useHost();
  const { bridge } = host;
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState<BatchDetail | null>(null);
  const [desk, setShownDesk] = useState<string | null>(deskInAddress);
  const setDesk = (batchId: string | null) => {
    showDeskInAddress(batchId);
    setShownDesk(batchId);
  };
  // An address typed or changed by a link opens that batch's desk.
  useEffect(() => {
    const follow = () => setShownDesk(deskInAddress());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const [historyRevision, setHistoryRevision] = useState(0);

  // The desktop shell's native menu speaks the UI's language.
  useEffect(() => {
    if (host.kind === 'desktop') host.bridge.setLanguage(i18n.language);
  }, [host, i18n.language]);

  const showProcessed = (batch: BatchDetail) => {
    setShown(batch);
    setHistoryRevision((revision) => revision + 1);
  };

  return (
    <>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <span className="version">{t('app.version', { version: bridge.version })}</span>
        <label className="language">
          {t('app.language')}{' '}
          <select
            value={i18n.language}
            onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {language === 'fr' ? 'Français' : 'English'}
              </option>
            ))}
          </select>
        </label>
        {host.kind === 'browser' && <EndSession bridge={host.bridge} />}
      </header>
      <main className="app-main">
        {desk ? (
          <Desk batchId={desk} onClose={() => setDesk(null)} />
        ) : (
          <>
            <NewBatch onProcessed={showProcessed} />
            <HotFolderPanel />
            {shown && <BatchReport batch={shown} onOpenDesk={() => setDesk(shown.batchId)} />}
            {shown && <SyncPanel key={shown.batchId} batchId={shown.batchId} />}
            <BatchHistory revision={historyRevision} shownBatchId={shown?.batchId} onShow={setShown} />
          </>
        )}
      </main>
    </>
  );
}
