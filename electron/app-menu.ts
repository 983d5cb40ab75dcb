// The native menu: the keyboard shortcuts, listed where an operator looks for them. An item presses its
// keys in the page, so the renderer's own handlers stay the one place a shortcut is defined, and the menu
// never takes the keys from the page (registerAccelerator: false). Free of Electron at run time: tested as is.
import type { MenuItemConstructorOptions } from 'electron';

export interface Shortcut {
  label: string;
  /** As the menu shows it (Electron's accelerator syntax), when one key chord does it. */
  accelerator?: string;
  /** The keys in words, when no single chord does it (1 to 5, arrows of either kind). */
  keys?: string;
  /** What pressing it sends to the page (webContents.sendInputEvent's keyCode and modifiers). */
  press?: { keyCode: string; modifiers: ('control' | 'shift')[] };
}

const chord = (
  label: string,
  accelerator: string,
  keyCode: string,
  modifiers: ('control' | 'shift')[] = [],
) => ({
  label,
  accelerator,
  press: { keyCode, modifiers },
});

export const EDIT_SHORTCUTS: Shortcut[] = [
  chord('Annuler la dernière décision', 'CmdOrCtrl+Z', 'Z', ['control']),
  chord('Rétablir', 'CmdOrCtrl+Shift+Z', 'Z', ['control', 'shift']),
];

export const DESK_SHORTCUTS: Shortcut[] = [
  chord('Copie à vérifier suivante', 'J', 'J'),
  chord('Copie à vérifier précédente', 'K', 'K'),
  chord('Suivante sans élève', 'N', 'N'),
  { label: 'Choisir un candidat', keys: '1 à 5' },
  { label: 'Choisir dans la recherche', keys: '↑ ↓' },
  chord('Accepter (attribuer et valider)', 'Enter', 'Enter'),
  chord('Page en grand', 'Space', 'Space'),
  chord('Fermer la page en grand ou l’aperçu', 'Escape', 'Escape'),
  { label: 'Choisir des pages', keys: 'clic, Maj+clic, Ctrl+clic, ← → ↑ ↓' },
  { label: 'Déplacer les pages choisies dans la copie', keys: 'Ctrl+← Ctrl+→' },
  { label: 'Déplacer les pages choisies vers la copie précédente ou suivante', keys: 'Ctrl+↑ Ctrl+↓' },
  { label: 'Aperçu de l’ordre : ordre vérifié, copie suivante', keys: 'Entrée, ← →' },
];

function item(
  shortcut: Shortcut,
  press: (keys: NonNullable<Shortcut['press']>) => void,
): MenuItemConstructorOptions {
  if (!shortcut.press) return { label: `${shortcut.label}\t${shortcut.keys ?? ''}`, enabled: false };
  const keys = shortcut.press;
  return {
    label: shortcut.label,
    ...(shortcut.accelerator ? { accelerator: shortcut.accelerator } : {}),
    registerAccelerator: false,
    click: () => press(keys),
  };
}

export function appMenuTemplate(
  press: (keys: NonNullable<Shortcut['press']>) => void,
): MenuItemConstructorOptions[] {
  return [
    { label: 'Fichier', submenu: [{ role: 'quit', label: 'Quitter' }] },
    { label: 'Édition', submenu: EDIT_SHORTCUTS.map((shortcut) => item(shortcut, press)) },
    { label: 'Raccourcis', submenu: DESK_SHORTCUTS.map((shortcut) => item(shortcut, press)) },
  ];
}
