// A manifest's reason, warning or violation in the UI's language, from its code (core/review); a
// manifest written before codes existed shows its English.
import type { TFunction } from 'i18next';
import type { ReviewNote } from '../../../core/api/contract';

export function reviewText(t: TFunction, note: ReviewNote | undefined, english: string): string {
  if (!note) return english;
  const { sheetFile, sheetPage, sheetNumber, sheetFirst, ...params } = note.params;
  let prefix = '';
  if (sheetFile !== undefined) prefix = t('review.sheetPage', { file: sheetFile, page: sheetPage });
  else if (sheetNumber !== undefined) prefix = t('review.sheetNumber', { n: sheetNumber });
  else if (sheetFirst !== undefined) prefix = t('review.sheetFirst');
  return prefix + t(`review.${note.code}`, params);
}
