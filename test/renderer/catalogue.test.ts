// Every visible string comes from the catalogues: both languages have the same keys, and every review
// code and refusal code the station writes has its sentence in both.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES } from '../../core/review/refusal-codes';
import { REVIEW_CODES } from '../../core/review/review-codes';
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
});
