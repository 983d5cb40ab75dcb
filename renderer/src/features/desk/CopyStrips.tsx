// The batch's copies as strips of page thumbnails, virtualised: only the strips on screen are mounted,
// so an 800-page batch scrolls like a short one and its thumbnails are made in the order they are seen.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Manifest, ManifestCopy } from '../../../../core/api/contract';
import { reviewText } from '../../i18n/review-text';
import { thumbnailOf } from './copy-pages';
import type { Selection } from './copy-pages';
import { Thumbnail } from './Thumbnail';

interface CopyStripsProps {
  manifest: Manifest;
  copies: ManifestCopy[];
  selection: Selection | null;
  onSelect: (selection: Selection) => void;
  onOpen: (selection: Selection) => void;
  /** Opens the teacher's page-order preview on the copy. */
  onPreview: (copy: ManifestCopy) => void;
}

const STRIP_HEIGHT = 330;

export function CopyStrips({ manifest, copies, selection, onSelect, onOpen, onPreview }: CopyStripsProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: copies.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => STRIP_HEIGHT,
    overscan: 2,
  });
  const numberOf = (copy: ManifestCopy) => manifest.copies.indexOf(copy) + 1;

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
                  const chosen = selection?.copyId === copy.id && selection.index === index;
                  const label = t('desk.thumbnail', { n: index + 1, copy: n });
                  return (
                    <li key={`${page.file}:${page.source}:${page.half}`}>
                      <button
                        type="button"
                        className={`page-button${chosen ? ' page-chosen' : ''}${page.blank ? ' page-blank' : ''}`}
                        aria-pressed={chosen}
                        aria-label={label}
                        onClick={() => onSelect({ copyId: copy.id, index })}
                        onDoubleClick={() => onOpen({ copyId: copy.id, index })}
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
