// A manifest's reason, warning or violation in the UI's language, from its code (core/review); a
// manifest written before codes existed shows its English.
import type { TFunction } from 'i18next';
import type { ReviewNote } from '../../../core/api/contract';

/** The sheet a note names by its parts `<name>File` and `<name>Page`, `<name>Number` or `<name>First`. */
function sheetWords(t: TFunction, params: Record<string, string>, name: string): string | null {
  const file = params[`${name}File`];
  const number = params[`${name}Number`];
  if (file !== undefined) return t('review.sheet.page', { file, page: params[`${name}Page`] });
  if (number !== undefined) return t('review.sheet.number', { n: number });
  if (params[`${name}First`] !== undefined) return t('review.sheet.first');
  return null;
}

export function reviewText(t: TFunction, note: ReviewNote | undefined, english: string): string {
  if (!note) return english;
  const params: Record<string, string> = { ...note.params };
  const sheet = sheetWords(t, params, 'sheet');
  const next = sheetWords(t, params, 'next');
  const copy = sheetWords(t, params, 'copy');
  if (next) params.next = next;
  if (copy) params.copy = t('review.copyStartingAt', { sheet: copy });
  if (params.half) params.half = t(`review.half.${params.half}`);
  if (params.how) params.how = t(`review.misplaced.${params.how}`);
  return (sheet ? t('review.sheetPrefix', { sheet }) : '') + t(`review.${note.code}`, params);
}
