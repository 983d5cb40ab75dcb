// The native menu lists the desk's shortcuts, never takes their keys from the page, and its items press
// the keys in the page (the renderer's handlers stay the one place a shortcut is defined).
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { DESK_SHORTCUTS, EDIT_SHORTCUTS, appMenuTemplate, menuLanguage } from '../../electron/app-menu';

const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[];

describe('the native menu', () => {
  it('lists every shortcut, undo and redo under Édition, and registers none of their keys', () => {
    const pressed: unknown[] = [];
    const [, edit, shortcuts] = appMenuTemplate((keys) => pressed.push(keys));
    expect(items(edit!).map((item) => item.accelerator)).toEqual(['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z']);
    expect(items(shortcuts!)).toHaveLength(DESK_SHORTCUTS.length);
    for (const item of [...items(edit!), ...items(shortcuts!)]) {
      if (item.click) expect(item.registerAccelerator).toBe(false);
      else expect(item.enabled).toBe(false);
    }
    // Shortcuts with no single chord say their keys in the label.
    expect(items(shortcuts!).map((item) => item.label)).toContain('Choisir un candidat\t1 à 5');

    (items(edit!)[0]!.click as () => void)();
    (items(shortcuts!).find((item) => item.accelerator === 'N')!.click as () => void)();
    expect(pressed).toEqual([EDIT_SHORTCUTS[0]!.press, { keyCode: 'N', modifiers: [] }]);
  });

  it('speaks the UI’s language, from the same catalogue, and only the languages it has', () => {
    const labels = (language: 'fr' | 'en') =>
      appMenuTemplate(() => undefined, language).flatMap((menu) => [
        menu.label,
        ...items(menu).map((item) => item.label),
      ]);
    const [french, english] = [labels('fr'), labels('en')];
    expect(english.slice(0, 4)).toEqual(['File', 'Quit', 'Edit', 'Undo the last decision']);
    expect(english).toContain('Choose a candidate\t1 to 5');
    expect(french).toContain('Choisir un candidat\t1 à 5');
    // Every label is a word of the catalogue, never left out or left French.
    expect(english.every((label) => typeof label === 'string' && label.length > 0)).toBe(true);
    expect(english.filter((label, i) => label === french[i])).toEqual([]);
    expect([menuLanguage('en'), menuLanguage('fr'), menuLanguage('de'), menuLanguage(null)]).toEqual([
      'en',
      'fr',
      null,
      null,
    ]);
  });
});
