// The operator's desk for one batch: the review queue, the copies as thumbnail strips with filters and
// counts, page operations, undo / redo (Ctrl+Z, Ctrl+Shift+Z), the students still without a copy, the
// rescans, and the history.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManifestCopy } from '../../../../core/api/contract';
import { ErrorAlert } from '../../ErrorAlert';
import { formatDate } from '../../labels';
import { pageRef, thumbnailOf } from './copy-pages';
import type { Selection } from './copy-pages';
import { CopyStrips } from './CopyStrips';
import { DeskHistory } from './DeskHistory';
import { PageOrderPreview } from './PageOrderPreview';
import { PageTools } from './PageTools';
import { PageViewer } from './PageViewer';
import { ReviewQueue } from './ReviewQueue';
import { Thumbnail } from './Thumbnail';
import { useBatch } from './use-batch';

type Filter = 'all' | 'review' | 'ready' | 'rescans' | 'absent';

const SHOWN: Record<'all' | 'review' | 'ready', (copy: ManifestCopy) => boolean> = {
  all: () => true,
  review: (copy) => copy.status === 'needs_review',
  ready: (copy) => copy.status === 'ready',
};

export function Desk({ batchId, onClose }: { batchId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { batch, roster, error, decide, undo, redo, revision } = useBatch(batchId);
  const [filter, setFilter] = useState<Filter>('all');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [viewing, setViewing] = useState(false);
  /** The copy the teacher's page-order preview shows, by index; null when closed. */
  const [preview, setPreview] = useState<number | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      event.preventDefault();
      void (event.shiftKey ? redo() : undo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' || !selection || preview !== null || event.target instanceof HTMLInputElement)
        return;
      event.preventDefault();
      setViewing(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!batch) return error ? <ErrorAlert error={error} /> : <p className="hint">{t('history.loading')}</p>;
  const { manifest } = batch;
  const review = manifest.copies.filter(SHOWN.review).length;
  const rescans = manifest.setAside ?? [];
  const counts: Record<Filter, number> = {
    all: manifest.copies.length,
    review,
    ready: manifest.copies.length - review,
    rescans: rescans.length,
    absent: manifest.absent.length,
  };
  const labels: Record<Filter, string> = {
    all: t('desk.filterAll', { count: counts.all }),
    review: t('desk.filterReview', { count: counts.review }),
    ready: t('desk.filterReady', { count: counts.ready }),
    rescans: t('desk.filterRescans', { count: counts.rescans }),
    absent: t('desk.filterAbsent', { count: counts.absent }),
  };
  const shown =
    filter === 'all' || filter === 'review' || filter === 'ready'
      ? manifest.copies.filter(SHOWN[filter])
      : [];

  return (
    <div className="desk">
      <section className="card desk-bar" aria-labelledby="desk-title">
        <h2 id="desk-title">{t('desk.title', { date: formatDate(batch.createdAt, i18n.language) })}</h2>
        <p className="desk-counts" role="status">
          {t('desk.counts', { review, total: manifest.copies.length })}
        </p>
        <button type="button" onClick={onClose}>
          {t('app.back')}
        </button>
        <button
          type="button"
          title={t('desk.undoHint')}
          disabled={!batch.canUndo}
          onClick={() => void undo()}
        >
          {t('desk.undo')}
        </button>
        <button
          type="button"
          title={t('desk.redoHint')}
          disabled={!batch.canRedo}
          onClick={() => void redo()}
        >
          {t('desk.redo')}
        </button>
        <button
          type="button"
          onClick={() => {
            const chosen = manifest.copies.findIndex((copy) => copy.id === selection?.copyId);
            setPreview(Math.max(0, chosen));
          }}
        >
          {t('preview.open')}
        </button>
        <div role="radiogroup" aria-label={t('desk.filter')} className="filters">
          {(Object.keys(labels) as Filter[]).map((key) => (
            <button
              key={key}
              type="button"
              role="radio"
              aria-checked={filter === key}
              onClick={() => setFilter(key)}
            >
              {labels[key]}
            </button>
          ))}
        </div>
        {error && (
          <div className="refusal">
            <ErrorAlert error={error} />
          </div>
        )}
      </section>
      <ReviewQueue
        batchId={batchId}
        manifest={manifest}
        roster={roster}
        decide={decide}
        active={!viewing && preview === null}
      />
      <section className="card">
        <PageTools manifest={manifest} selection={selection} decide={decide} />
        {filter === 'absent' && (
          <ul className="absent-list">
            {manifest.absent.map((student) => (
              <li key={student.email}>{student.name}</li>
            ))}
          </ul>
        )}
        {filter === 'rescans' && (
          <ul className="set-aside">
            {rescans.map((entry) => {
              const of = manifest.copies.findIndex((copy) => copy.id === entry.of);
              const first = entry.pages[0]!;
              // One sheet start after another (every 4 pages); the store refuses one the rescan does not repeat.
              const starts = (manifest.copies[of]?.pages ?? []).filter((_, index) => index % 4 === 0);
              return (
                <li
                  key={`${first.file}:${first.source}:${first.half}`}
                  aria-label={t('desk.rescanOf', { copy: of + 1 })}
                >
                  <p>{t('desk.rescanOf', { copy: of + 1 })}</p>
                  <div className="strip-pages">
                    {entry.pages.map((page) => (
                      <Thumbnail
                        key={`${page.half}:${page.source}`}
                        {...thumbnailOf(manifest, page)}
                        alt=""
                      />
                    ))}
                  </div>
                  {starts.map((start, sheet) => (
                    <button
                      key={sheet}
                      type="button"
                      onClick={() =>
                        void decide({ kind: 'keep-rescan', setAside: first, replaces: pageRef(start) })
                      }
                    >
                      {t('desk.keepRescan')}
                      {starts.length > 1 ? ` (${sheet + 1})` : ''}
                    </button>
                  ))}
                </li>
              );
            })}
          </ul>
        )}
        {shown.length > 0 && (
          <CopyStrips
            manifest={manifest}
            copies={shown}
            selection={selection}
            onSelect={setSelection}
            onOpen={(chosen) => {
              setSelection(chosen);
              setViewing(true);
            }}
            onPreview={(copy) => setPreview(manifest.copies.indexOf(copy))}
          />
        )}
      </section>
      <DeskHistory batchId={batchId} revision={revision} />
      {preview !== null && (
        <PageOrderPreview
          manifest={manifest}
          copy={preview}
          onShow={setPreview}
          decide={decide}
          onClose={() => setPreview(null)}
        />
      )}
      {viewing && selection && (
        <PageViewer
          manifest={manifest}
          selection={selection}
          onMove={setSelection}
          onClose={() => setViewing(false)}
        />
      )}
    </div>
  );
}
