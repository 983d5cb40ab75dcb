// The native menu: the keyboard shortcuts, listed where an operator looks for them. An item presses its
// keys in the page, so the renderer's own handlers stay the one place a shortcut is defined, and the menu
// never takes the keys from the page (registerAccelerator: false). Free of Electron at run time: tested as is.
import type { MenuItemConstructorOptions } from 'electron';
import { en } from '../renderer/src/i18n/en';
import { fr } from '../renderer/src/i18n/fr';

type MenuWords = (typeof fr)['menu'];

/** The menu speaks the UI's language: its words come from the renderer's catalogue. */
const WORDS: Record<MenuLanguage, MenuWords> = { fr: fr.menu, en: en.menu };

export type MenuLanguage = 'fr' | 'en';

/** The language the page says it shows, if it is one the menu speaks. */
export function menuLanguage(value: unknown): MenuLanguage | null {
  return value === 'fr' || value === 'en' ? value : null;
}

export interface Shortcut {
  /** Its words in the catalogue's `menu` section. */
  label: keyof MenuWords;
  accelerator?: string;
  /** The keys in words (a catalogue key), when no single chord does it (1 to 5, arrows of either kind). */
  keys?: keyof MenuWords;
  /** What pressing it sends to the page (webContents.sendInputEvent's keyCode and modifiers). */
  press?: { keyCode: string; modifiers: ('control' | 'shift')[] };
}

const chord = (
  label: keyof MenuWords,
  accelerator: string,
  keyCode: string,
  modifiers: ('control' | 'shift')[] = [],
): Shortcut => ({
  label,
  accelerator,
  press: { keyCode, modifiers },
});

export const EDIT_SHORTCUTS: Shortcut[] = [
  chord('undo', 'CmdOrCtrl+Z', 'Z', ['control']),
  chord('redo', 'CmdOrCtrl+Shift+Z', 'Z', ['control', 'shift']),
];

export const DESK_SHORTCUTS: Shortcut[] = [
  chord('nextReview', 'J', 'J'),
  chord('previousReview', 'K', 'K'),
  chord('nextUnmatched', 'N', 'N'),
  { label: 'candidate', keys: 'candidateKeys' },
  { label: 'search', keys: 'searchKeys' },
  chord('accept', 'Enter', 'Enter'),
  chord('largePage', 'Space', 'Space'),
  chord('close', 'Escape', 'Escape'),
  { label: 'choosePages', keys: 'choosePagesKeys' },
  { label: 'movePages', keys: 'movePagesKeys' },
  { label: 'movePagesToCopy', keys: 'movePagesToCopyKeys' },
  { label: 'preview', keys: 'previewKeys' },
];

function item(
  shortcut: Shortcut,
  words: MenuWords,
  press: (keys: NonNullable<Shortcut['press']>) => void,
): MenuItemConstructorOptions {
  const label = words[shortcut.label];
  if (!shortcut.press)
    return { label: `${label}\t${shortcut.keys ? words[shortcut.keys] : ''}`, enabled: false };
  const keys = shortcut.press;
  return {
    label,
    ...(shortcut.accelerator ? { accelerator: shortcut.accelerator } : {}),
    registerAccelerator: false,
    click: () => press(keys),
  };
}

export function appMenuTemplate(
  press: (keys: NonNullable<Shortcut['press']>) => void,
  language: MenuLanguage = 'fr',
): MenuItemConstructorOptions[] {
  const words = WORDS[language];
  return [
    { label: words.file, submenu: [{ role: 'quit', label: words.quit }] },
    { label: words.edit, submenu: EDIT_SHORTCUTS.map((shortcut) => item(shortcut, words, press)) },
    { label: words.shortcuts, submenu: DESK_SHORTCUTS.map((shortcut) => item(shortcut, words, press)) },
  ];
}
