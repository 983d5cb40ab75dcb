// The teacher's preview: one copy's pages large, in reading order, with the previous and next copies
// (← / →), and "page order checked" recorded as a decision (Enter marks it and goes on to the next copy).
// Esc closes. The same view in the desktop app and in a browser on the station (`serve`).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, Manifest } from '../../../../core/api/contract';
import { thumbnailOf } from './copy-pages';
import { Thumbnail } from './Thumbnail';

interface PageOrderPreviewProps {
  manifest: Manifest;
  /** Index of the copy shown in `manifest.copies`. */
  copy: number;
  onShow: (copy: number) => void;
  decide: (...decisions: Decision[]) => Promise<boolean>;
  onClose: () => void;
}

export function PageOrderPreview({ manifest, copy, onShow, decide, onClose }: PageOrderPreviewProps) {
  const { t } = useTranslation();
  const total = manifest.copies.length;
  const shown = manifest.copies[Math.min(copy, total - 1)];
  const go = (step: number) => onShow(Math.min(total - 1, Math.max(0, copy + step)));
  const check = async (checked: boolean) => {
    if (!shown) return;
    const done = await decide({ kind: 'check-page-order', copyId: shown.id, checked });
    if (done && checked) go(1);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const keys: Record<string, () => void> = {
        Escape: onClose,
        ArrowRight: () => go(1),
        ArrowLeft: () => go(-1),
        PageDown: () => go(1),
        PageUp: () => go(-1),
        Enter: () => void check(!shown?.pageOrderChecked),
      };
      const action = keys[event.key];
      if (!action || (event.key === 'Enter' && event.target instanceof HTMLButtonElement)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  if (!shown) return null;
  const n = manifest.copies.indexOf(shown) + 1;
  const checked = shown.pageOrderChecked === true;
  return (
    <div
      className="page-viewer order-preview"
      role="dialog"
      aria-modal="true"
      aria-label={t('preview.title')}
    >
      <div className="viewer-bar">
        <strong>{t('preview.title')}</strong>
        <span>{t('preview.copy', { n, total })}</span>
        <span>{shown.student ? shown.student.name : t('report.unidentified')}</span>
        <span className={`badge badge-${shown.status}`}>{t(`status.${shown.status}`)}</span>
        <button type="button" onClick={() => go(-1)} disabled={n === 1}>
          {t('preview.previous')}
        </button>
        <button type="button" onClick={() => go(1)} disabled={n === total}>
          {t('preview.next')}
        </button>
        <button
          type="button"
          className={checked ? undefined : 'button-primary'}
          aria-pressed={checked}
          autoFocus
          onClick={() => void check(!checked)}
        >
          {checked ? t('preview.uncheck') : t('preview.check')}
        </button>
        {checked && <span className="order-checked">{t('desk.pageOrderChecked')}</span>}
        <button type="button" onClick={onClose}>
          {t('desk.close')}
        </button>
      </div>
      <ol className="order-pages" aria-label={t('preview.pages', { n })}>
        {shown.pages.map((page, index) => (
          <li key={`${page.file}:${page.source}:${page.half}`}>
            <Thumbnail
              {...thumbnailOf(manifest, page, page.rotate)}
              size="large"
              alt={t('desk.thumbnail', { n: index + 1, copy: n })}
            />
            <span className="page-label">P{index + 1}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
