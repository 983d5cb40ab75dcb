import type { TFunction } from 'i18next';
import type { ManifestPage, ManifestSource, ProcessStage } from '../../core/api/contract';

/** Upload exists only in the browser host: the files must reach the station first. */
export type ShownStage = 'upload' | ProcessStage;

/** "SKM1.pdf, page 3, moitié droite" (+ blank, + rotation when the station turned it). */
export function describePage(t: TFunction, page: ManifestPage, sources: ManifestSource[]): string {
  const file = sources[page.file - 1]?.file ?? t('page.file', { file: page.file });
  const parts = [file, t('page.source', { source: page.source }), t(`half.${page.half}`)];
  if (page.rotate !== 0) parts.push(t('page.turned', { rotate: page.rotate }));
  if (page.blank) parts.push(t('page.blank'));
  return parts.join(', ');
}

export function formatDate(iso: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  return new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
}
