// Every visible string comes from the catalogues: both languages have the same keys, and every review
// code and refusal code the station writes has its sentence in both.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES } from '../../core/review/refusal-codes';
import { reviewNote, REVIEW_CODES } from '../../core/review/review-codes';
import { FOLDER_PROBLEMS } from '../../core/watch/folder-listing';
import { PROBLEM_CODES } from '../../core/watch/hot-folder-problems';
import { reviewText } from '../../renderer/src/i18n/review-text';
import { en } from '../../renderer/src/i18n/en';
import { fr } from '../../renderer/src/i18n/fr';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

describe('UI catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it.each(['fr', 'en'])('translate every review code in %s, and a missing key is caught', async (lng) => {
    const missing: string[] = [];
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { fr: { translation: fr }, en: { translation: en } },
      lng,
      fallbackLng: false,
      saveMissing: true,
      missingKeyHandler: (_lngs, _ns, key) => missing.push(key),
    });
    for (const code of REVIEW_CODES) i18n.t(`review.${code}`);
    // `other` carries the station's English: the UI shows that as it is.
    for (const code of REFUSAL_CODES.filter((one) => one !== 'other')) i18n.t(`refusal.${code}`);
    for (const code of ['no-boxes', 'no-name-row', 'no-date-boxes', 'no-pair'])
      i18n.t(`reading.miss.${code}`);
    for (const code of PROBLEM_CODES) i18n.t(`hotFolder.problem.${code}`);
    for (const cause of FOLDER_PROBLEMS) i18n.t(`hotFolder.cause.${cause}`);
    expect(missing).toEqual([]);
    i18n.t('review.no-such-code');
    expect(missing).toEqual(['review.no-such-code']);
  });

  it('says a coded reason in French and in English', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: 'fr' });
    expect(i18n.t('review.not-multiple-of-four', { pages: '6' })).toBe('6 page(s), pas un multiple de 4');
    await i18n.changeLanguage('en');
    expect(i18n.t('review.not-multiple-of-four', { pages: '6' })).toBe('6 page(s), not a multiple of 4');
  });

  it('says the sheets, copies, halves and misplacements a note names in French words, not English', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: 'fr' });
    const say = (english: string) => reviewText(i18n.t, reviewNote(english), english);
    expect(say('the next sheet may belong to this copy: the sheet at SKM1.pdf page 3')).toBe(
      'la feuille suivante peut appartenir à cette copie : feuille de SKM1.pdf p. 3',
    );
    expect(say('first sheet: the next sheet may belong to this copy: sheet 2')).toBe(
      'première feuille : la feuille suivante peut appartenir à cette copie : feuille 2',
    );
    expect(say('another copy matches the same student: the copy starting at the sheet at A.pdf page 7')).toBe(
      'une autre copie correspond au même élève : la copie qui commence par la feuille de A.pdf p. 7',
    );
    expect(say('SKM1.pdf page 2 (left) is in 2 copies')).toBe('SKM1.pdf p. 2 (gauche) est dans 2 copies');
    expect(say('copy c1: page 5 (SKM1.pdf page 3 left) is out of stack order')).toBe(
      'copie c1 : la page 5 n’est pas dans l’ordre de la pile',
    );
    expect(say('annex page not attached to a copy: SKM1.pdf page 9')).toBe(
      'annexe non rattachée à une copie : SKM1.pdf p. 9',
    );
  });
});
