// The batch's copies as strips of page thumbnails, virtualised: only the strips on screen are mounted,
// so an 800-page batch scrolls like a short one and its thumbnails are made in the order they are seen.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { DragEvent, KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Manifest, ManifestCopy, SyncedCopy } from '../../../../core/api/contract';
import { reviewText } from '../../i18n/review-text';
import { thumbnailOf } from './copy-pages';
import type { Selection } from './copy-pages';
import { pageKey } from './page-moves';
import type { Place } from './page-moves';
import { Thumbnail } from './Thumbnail';
import { SyncMark } from '../sync/SyncMark';

/** How a click or an arrow picks pages: that page alone, added or taken out (Ctrl), up to it (Shift). */
export type PickMode = 'only' | 'toggle' | 'range';

export type MoveKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

interface CopyStripsProps {
  manifest: Manifest;
  copies: ManifestCopy[];
  selection: Selection | null;
  /** The chosen pages, by pageKey. */
  chosen: ReadonlySet<string>;
  onSelect: (selection: Selection, mode: PickMode) => void;
  /** Drag and drop: the chosen pages (or the one dragged) go to the place. */
  onDrop: (place: Place, dragged: Selection) => void;
  /** Ctrl+arrows on a page: the chosen pages move (← → within the copy, ↑ ↓ to the previous or next copy). */
  onMoveKey: (key: MoveKey) => void;
  onOpen: (selection: Selection) => void;
  /** Opens the teacher's page-order preview on the copy. */
  onPreview: (copy: ManifestCopy) => void;
  /** Where the copies stand with the Korrigo server, once known. */
  synced: readonly SyncedCopy[] | undefined;
}

const STRIP_HEIGHT = 330;

const modeOf = (event: MouseEvent | KeyboardEvent): PickMode =>
  event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only';

const DRAG_TYPE = 'application/x-korrigo-page';

export function CopyStrips(props: CopyStripsProps) {
  const { manifest, copies, selection, chosen, onSelect, onDrop, onMoveKey, onOpen, onPreview, synced } =
    props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: copies.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => STRIP_HEIGHT,
    overscan: 2,
  });
  const numberOf = (copy: ManifestCopy) => manifest.copies.indexOf(copy) + 1;

  // The keyboard follows the chosen page: an arrow on a page button moves the focus with the choice.
  useEffect(() => {
    const focused = document.activeElement;
    if (!selection || !(focused instanceof HTMLElement) || !focused.classList.contains('page-button')) return;
    const at = copies.findIndex((copy) => copy.id === selection.copyId);
    if (at >= 0) virtualizer.scrollToIndex(at);
    scroller.current
      ?.querySelector<HTMLElement>(`[data-copy-id="${selection.copyId}"] [data-index="${selection.index}"]`)
      ?.focus();
  }, [selection, copies, virtualizer]);

  /** The page an arrow leads to from `at`: the next or previous in the strips' order, across copies. */
  const step = (from: Selection, delta: number): Selection | null => {
    const flat = copies.flatMap((copy) => copy.pages.map((_, index) => ({ copyId: copy.id, index })));
    const at = flat.findIndex((one) => one.copyId === from.copyId && one.index === from.index);
    return flat[at + delta] ?? null;
  };
  const onKey = (event: KeyboardEvent, at: Selection) => {
    const key = event.key;
    if (key !== 'ArrowLeft' && key !== 'ArrowRight' && key !== 'ArrowUp' && key !== 'ArrowDown') return;
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) return onMoveKey(key);
    const copy = copies.find((one) => one.id === at.copyId)!;
    const next =
      key === 'ArrowLeft' || key === 'ArrowRight'
        ? step(at, key === 'ArrowLeft' ? -1 : 1)
        : step(at, key === 'ArrowUp' ? -(at.index + 1) : copy.pages.length - at.index);
    if (next) onSelect(next, event.shiftKey ? 'range' : 'only');
  };
  const dropOn = (event: DragEvent, place: Place) => {
    const dragged = event.dataTransfer.getData(DRAG_TYPE);
    if (!dragged) return;
    event.preventDefault();
    event.stopPropagation();
    onDrop(place, JSON.parse(dragged) as Selection);
  };
  const allowDrop = (event: DragEvent) => {
    if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
  };

  return (
    <div ref={scroller} className="strips" role="list" aria-label={t('desk.copyList')}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const copy = copies[item.index]!;
          const n = numberOf(copy);
          return (
            <section
              key={copy.id}
              role="listitem"
              className="strip"
              aria-label={t('desk.copy', { n })}
              data-copy-id={copy.id}
              onDragOver={allowDrop}
              onDrop={(event) => dropOn(event, { endOf: copy.pages[0]! })}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <header className="strip-head">
                <strong>{t('desk.copy', { n })}</strong>
                <span className={`badge badge-${copy.status}`}>{t(`status.${copy.status}`)}</span>
                <span className="strip-student">
                  {copy.student
                    ? `${copy.student.name} (${copy.student.className})`
                    : t('report.unidentified')}
                </span>
                <span className="strip-count">{t('desk.pageCount', { count: copy.pages.length })}</span>
                {copy.pageOrderChecked && <span className="badge-checked">{t('desk.pageOrderChecked')}</span>}
                <SyncMark copy={synced?.find((entry) => entry.copyId === copy.id)} />
                <button type="button" onClick={() => onPreview(copy)}>
                  {t('preview.open')}
                </button>
              </header>
              {copy.reasons.length > 0 && (
                <ul className="reasons" aria-label={t('report.reasonsOf', { n })}>
                  {copy.reasons.map((reason, index) => (
                    <li key={index}>{reviewText(t, copy.reasonCodes?.[index], reason)}</li>
                  ))}
                </ul>
              )}
              <ol className="strip-pages">
                {copy.pages.map((page, index) => {
                  const picked = chosen.has(pageKey(page));
                  const focus = selection?.copyId === copy.id && selection.index === index;
                  const label = t('desk.thumbnail', { n: index + 1, copy: n });
                  const at = { copyId: copy.id, index };
                  return (
                    <li key={pageKey(page)}>
                      <button
                        type="button"
                        className={`page-button${picked ? ' page-chosen' : ''}${focus ? ' page-focus' : ''}${page.blank ? ' page-blank' : ''}`}
                        aria-pressed={picked}
                        aria-label={label}
                        data-index={index}
                        tabIndex={focus || (!selection && index === 0) ? 0 : -1}
                        draggable
                        onDragStart={(event) => {
                          if (!picked) onSelect(at, 'only');
                          event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(at));
                          event.dataTransfer.effectAllowed = 'move';
                        }}
                        onDragOver={allowDrop}
                        onDrop={(event) => dropOn(event, { before: page })}
                        onClick={(event) => onSelect(at, modeOf(event))}
                        onKeyDown={(event) => onKey(event, at)}
                        onDoubleClick={() => onOpen(at)}
                      >
                        <Thumbnail {...thumbnailOf(manifest, page, page.rotate)} alt="" />
                        <span className="page-label">P{index + 1}</span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })}
      </div>
    </div>
  );
}
