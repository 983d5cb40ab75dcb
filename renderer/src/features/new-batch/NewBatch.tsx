import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { BatchDetail } from '../../../../core/api/contract';
import type { WireError } from '../../../../core/api/wire';
import { ErrorAlert } from '../../ErrorAlert';
import { useHost } from '../../host';
import type { ShownStage } from '../../labels';
import { fromBrowserFiles, fromPaths, stationPaths, withPickedNames } from './chosen-file';
import { sortDropped } from './dropped-files';
import type { ChosenFile } from './chosen-file';
import { FilePicker } from './FilePicker';
import { PIPELINE_STAGES, ProgressPanel } from './ProgressPanel';
import type { StageProgress } from './ProgressPanel';
import { ScanList } from './ScanList';

export function NewBatch({ onProcessed }: { onProcessed: (batch: BatchDetail) => void }) {
  const host = useHost();
  const { t } = useTranslation();
  const [scans, setScans] = useState<ChosenFile[]>([]);
  const [roster, setRoster] = useState<ChosenFile | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<StageProgress | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  const stages: ShownStage[] = host.kind === 'browser' ? ['upload', ...PIPELINE_STAGES] : PIPELINE_STAGES;
  // Over HTTP the last pushes of a run may arrive after its reply: a run is followed until the next starts.
  const stopFollowing = useRef<(() => void) | null>(null);
  useEffect(() => () => stopFollowing.current?.(), []);
  const [refused, setRefused] = useState<string[]>([]);

  // Scanner PDFs and the roster CSV dropped anywhere on the window join the form, as if picked.
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (hasFiles(event) && !running) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event) || running) return;
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      void (async () => {
        // The desktop app names files by path (granted to the station as a dialog's are); a browser uploads them.
        const chosen =
          host.kind === 'desktop'
            ? fromPaths(await host.bridge.droppedFiles(files))
            : fromBrowserFiles(files);
        const sorted = sortDropped(chosen);
        if (sorted.scans.length > 0) setScans((current) => [...current, ...sorted.scans]);
        if (sorted.roster) setRoster(sorted.roster);
        setRefused(sorted.refused);
      })();
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [host, running]);

  const run = async (scanFiles: ChosenFile[], rosterFile: ChosenFile) => {
    const files = [...scanFiles, rosterFile];
    setProgress(host.kind === 'browser' ? { upload: { done: 0, total: files.length } } : {});
    const paths = await stationPaths(host, files, (done) =>
      setProgress((current) => ({ ...current, upload: { done, total: files.length } })),
    );
    if (!paths.ok) return setError(paths.error);

    // Only this call's run: the first run id seen while it runs is ours (one batch at a time per window).
    let runId: string | undefined;
    stopFollowing.current?.();
    stopFollowing.current = host.bridge.on('batch.progress', (event) => {
      runId ??= event.runId;
      if (event.runId !== runId) return;
      setProgress((current) => ({ ...current, [event.stage]: { done: event.done, total: event.total } }));
    });
    const reply = await host.bridge.invoke('batches.process', {
      scans: paths.result.slice(0, -1),
      roster: paths.result.at(-1) ?? '',
    });
    if (reply.ok) onProcessed(reply.result);
    else setError(withPickedNames(reply.error, files, paths.result));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!roster || scans.length === 0) return;
    setError(null);
    setRunning(true);
    void run(scans, roster).finally(() => setRunning(false));
  };

  return (
    <section className="card" aria-labelledby="new-batch-title">
      <h2 id="new-batch-title">{t('newBatch.title')}</h2>
      <p className="hint">{t('newBatch.dropHint')}</p>
      {refused.length > 0 && (
        <p role="alert" className="error-alert">
          {t('newBatch.dropRefused', { names: refused.join(', ') })}
        </p>
      )}
      <form onSubmit={submit} className="new-batch-form">
        <fieldset disabled={running}>
          <legend>{t('newBatch.scans')}</legend>
          <p className="hint">{t('newBatch.stackHint')}</p>
          <ScanList scans={scans} onChange={setScans} />
          <FilePicker
            label={t('newBatch.addScans')}
            extensions={['pdf']}
            multiple
            onChosen={(chosen) => setScans((current) => [...current, ...chosen])}
          />
        </fieldset>
        <fieldset disabled={running}>
          <legend>{t('newBatch.roster')}</legend>
          {roster ? (
            <p className="file-name">{roster.name}</p>
          ) : (
            <p className="hint">{t('newBatch.noRoster')}</p>
          )}
          <FilePicker
            label={roster ? t('newBatch.changeRoster') : t('newBatch.chooseRoster')}
            extensions={['csv']}
            multiple={false}
            onChosen={(chosen) => setRoster(chosen[0] ?? null)}
          />
        </fieldset>
        <button type="submit" className="button-primary" disabled={running || scans.length === 0 || !roster}>
          {running ? t('newBatch.running') : t('newBatch.process')}
        </button>
      </form>
      {error && <ErrorAlert error={error} />}
      {progress && <ProgressPanel stages={stages} progress={progress} />}
    </section>
  );
}
