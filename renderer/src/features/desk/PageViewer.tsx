// One page large (Space or double click), with zoom and the copy's next and previous pages; Esc closes.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Manifest } from '../../../../core/api/contract';
import { thumbnailOf } from './copy-pages';
import type { Selection } from './copy-pages';
import { Thumbnail } from './Thumbnail';
import { ZoomSlider } from './ZoomSlider';

interface PageViewerProps {
  manifest: Manifest;
  selection: Selection;
  onMove: (selection: Selection) => void;
  onClose: () => void;
}

export function PageViewer({ manifest, selection, onMove, onClose }: PageViewerProps) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState(1);
  const copyIndex = manifest.copies.findIndex((copy) => copy.id === selection.copyId);
  const copy = manifest.copies[copyIndex];
  const page = copy?.pages[selection.index];
  const count = copy?.pages.length ?? 0;
  const go = (step: number) =>
    onMove({ copyId: selection.copyId, index: Math.min(count - 1, Math.max(0, selection.index + step)) });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const keys: Record<string, () => void> = {
        Escape: onClose,
        ArrowRight: () => go(1),
        ArrowLeft: () => go(-1),
        '+': () => setZoom((value) => Math.min(4, value * 1.25)),
        '-': () => setZoom((value) => Math.max(1, value / 1.25)),
      };
      const action = keys[event.key];
      if (!action) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  if (!copy || !page) return null;
  const label = t('desk.thumbnail', { n: selection.index + 1, copy: copyIndex + 1 });
  return (
    <div className="page-viewer" role="dialog" aria-modal="true" aria-label={t('desk.large')}>
      <div className="viewer-bar">
        <strong>{label}</strong>
        <button type="button" onClick={() => go(-1)} disabled={selection.index === 0}>
          {t('desk.previous')}
        </button>
        <button type="button" onClick={() => go(1)} disabled={selection.index === count - 1}>
          {t('desk.next')}
        </button>
        <ZoomSlider value={zoom} max={4} onChange={setZoom} />
        <button type="button" onClick={onClose} autoFocus>
          {t('desk.close')}
        </button>
      </div>
      <div className="viewer-page" style={{ ['--zoom' as string]: zoom }}>
        <Thumbnail {...thumbnailOf(manifest, page, page.rotate)} size="large" alt={label} />
      </div>
    </div>
  );
}
