// The UI's languages: French by default, English on request; the choice is kept in this browser.
// i18next (with react-i18next) rather than a hand-made lookup: plurals, interpolation and a missing-key
// hook that a test turns into a failure.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'korrigo-language';

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'fr';
}

export function setupI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: savedLanguage(),
    fallbackLng: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  i18next.on('languageChanged', (language) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
