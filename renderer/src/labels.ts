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

// One formatter per language: toLocaleString builds one per call, and the desk's history says every date
// again whenever the desk is drawn.
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  let format = DATE_FORMATS.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    DATE_FORMATS.set(locale, format);
  }
  return format.format(new Date(iso));
}
