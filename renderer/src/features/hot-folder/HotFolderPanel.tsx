// The folder the station watches for the scanner's PDFs (station.hotFolder): chosen in the OS dialogs in
// the desktop app; a browser sees it but may not choose it (the station would read whatever lands there),
// so it is told where it is set.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotFolderState } from '../../../../core/api/contract';
import type { WireError } from '../../../../core/api/wire';
import { ErrorAlert } from '../../ErrorAlert';
import { useHost } from '../../host';
import { HotFolderProblems } from './HotFolderProblems';

export function HotFolderPanel() {
  const { t } = useTranslation();
  const host = useHost();
  const [state, setState] = useState<HotFolderState | null>(null);
  const [error, setError] = useState<WireError | null>(null);

  useEffect(() => {
    // Listening first: a change pushed while the first state is on its way is not lost.
    const stop = host.bridge.on('hotFolder.changed', setState);
    void host.bridge.invoke('station.hotFolder', {}).then((reply) => {
      if (reply.ok) setState((current) => current ?? reply.result);
    });
    return stop;
  }, [host]);

  const set = async (args: { folder: string; roster: string } | { folder: null }) => {
    setError(null);
    const reply = await host.bridge.invoke('station.setHotFolder', args);
    if (reply.ok) setState(reply.result);
    else setError(reply.error);
  };
  const choose = async () => {
    if (host.kind !== 'desktop') return;
    const folder = await host.bridge.pickFolder(t('hotFolder.pickFolder'));
    if (!folder) return;
    const [roster] = await host.bridge.pickFiles({
      title: t('hotFolder.pickRoster'),
      extensions: ['csv'],
      multiple: false,
    });
    if (roster) await set({ folder, roster });
  };

  return (
    <section className="card hot-folder" aria-labelledby="hot-folder-title">
      <h2 id="hot-folder-title">{t('hotFolder.title')}</h2>
      {state?.folder ? (
        <dl className="hot-folder-setting">
          <dt>{t('hotFolder.folder')}</dt>
          <dd>
            <code>{state.folder}</code> — {t(state.watching ? 'hotFolder.watching' : 'hotFolder.notWatching')}
          </dd>
          <dt>{t('hotFolder.roster')}</dt>
          <dd>
            <code>{state.roster}</code>
          </dd>
        </dl>
      ) : (
        state && <p>{t('hotFolder.none')}</p>
      )}
      {host.kind === 'desktop' ? (
        <p className="actions">
          <button type="button" onClick={() => void choose()}>
            {t(state?.folder ? 'hotFolder.change' : 'hotFolder.choose')}
          </button>
          {state?.folder && (
            <button type="button" className="button-secondary" onClick={() => void set({ folder: null })}>
              {t('hotFolder.stop')}
            </button>
          )}
        </p>
      ) : (
        <p className="hint">{t('hotFolder.desktopOnly')}</p>
      )}
      {state && <HotFolderProblems problems={state.problems} />}
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
