// The operator's desk for one batch: the review queue, the copies as thumbnail strips with filters and
// counts, page operations, undo / redo (Ctrl+Z, Ctrl+Shift+Z), the students still without a copy, the
// rescans, and the history.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManifestCopy } from '../../../../core/api/contract';
import { ErrorAlert } from '../../ErrorAlert';
import { PIPELINE_STAGES, ProgressPanel } from '../new-batch/ProgressPanel';
import { formatDate } from '../../labels';
import { pageRef, thumbnailOf } from './copy-pages';
import type { Selection } from './copy-pages';
import { CopyStrips } from './CopyStrips';
import { useSyncStatus } from '../sync/use-sync-status';
import type { MoveKey, PickMode } from './CopyStrips';
import { DeskHistory } from './DeskHistory';
import { PageOrderPreview } from './PageOrderPreview';
import { PageTools } from './PageTools';
import { arrowPlace, inBatchOrder, pageKey } from './page-moves';
import type { Place } from './page-moves';
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
  const { batch, roster, error, decide, move, undo, redo, revision, processing } = useBatch(batchId);
  const sync = useSyncStatus(batchId).status;
  const [filter, setFilter] = useState<Filter>('all');
  /** The page the keyboard is on (and the tools act on); `chosen` the pages a move takes, by pageKey. */
  const [selection, setSelection] = useState<Selection | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
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

  if (!batch) {
    if (error) return <ErrorAlert error={error} />;
    // Opened on a batch still being processed: its copies come once they are made. The stages it ran
    // before this window opened were not seen: only those from the first seen are shown.
    if (processing) {
      const seen = PIPELINE_STAGES.findIndex((stage) => processing[stage]);
      return (
        <div className="desk">
          <section className="card desk-bar" aria-labelledby="desk-title">
            <h2 id="desk-title">{t('desk.processing')}</h2>
            <button type="button" onClick={onClose}>
              {t('app.back')}
            </button>
          </section>
          <div className="card">
            <ProgressPanel stages={PIPELINE_STAGES.slice(Math.max(0, seen))} progress={processing} />
          </div>
        </div>
      );
    }
    return <p className="hint">{t('history.loading')}</p>;
  }
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
  const nameCopy = (id: string) => {
    const at = manifest.copies.findIndex((copy) => copy.id === id);
    return at < 0 ? id : String(at + 1);
  };
  const keyAt = (at: Selection) => {
    const page = manifest.copies.find((copy) => copy.id === at.copyId)?.pages[at.index];
    return page ? pageKey(page) : null;
  };
  const pick = (at: Selection, mode: PickMode) => {
    const key = keyAt(at);
    if (!key) return;
    if (mode === 'toggle') {
      const next = new Set(chosen);
      if (!next.delete(key)) next.add(key);
      setChosen(next);
    } else if (mode === 'range' && selection) {
      // Every page between the page the keyboard was on and this one, in the strips' order.
      const flat = shown.flatMap((copy) => copy.pages.map((page) => pageKey(page)));
      const [a, b] = [flat.indexOf(keyAt(selection) ?? ''), flat.indexOf(key)].sort((x, y) => x - y);
      setChosen(new Set(a! < 0 ? [key] : flat.slice(a, b! + 1)));
    } else setChosen(new Set([key]));
    setSelection(at);
  };
  /** The pages a move takes: the chosen ones, or the page under the keyboard when none is. */
  const moving = (also?: Selection) => {
    const key = also && keyAt(also);
    const set = key && !chosen.has(key) ? new Set([key]) : chosen;
    return inBatchOrder(manifest, set);
  };
  const moveTo = async (pages: ReturnType<typeof moving>, place: Place | null) => {
    if (!place || pages.length === 0) return;
    if (await move(pages, place)) setSelection(null);
  };

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
            <ErrorAlert error={error} nameCopy={nameCopy} />
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
        <PageTools
          manifest={manifest}
          selection={selection}
          chosen={chosen.size}
          decide={decide}
          onMove={(copy) => void moveTo(moving(), { endOf: manifest.copies[copy]!.pages[0]! })}
          onMoveKey={(key) => void moveTo(moving(), arrowPlace(manifest, moving(), key))}
        />
        {filter === 'absent' && (
          <ul className="absent-list">
            {manifest.absent.map((student) => (
              <li key={student.email}>{student.name}</li>
            ))}
          </ul>
        )}
        {filter === 'rescans' && (
          <ul className="rescans">
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
            chosen={chosen}
            onSelect={pick}
            onDrop={(place, dragged) => void moveTo(moving(dragged), place)}
            onMoveKey={(key: MoveKey) => void moveTo(moving(), arrowPlace(manifest, moving(), key))}
            onOpen={(chosen) => {
              setSelection(chosen);
              setViewing(true);
            }}
            onPreview={(copy) => setPreview(manifest.copies.indexOf(copy))}
            synced={sync?.copies}
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
