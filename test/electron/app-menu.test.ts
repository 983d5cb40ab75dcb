// The native menu lists the desk's shortcuts, never takes their keys from the page, and its items press
// the keys in the page (the renderer's handlers stay the one place a shortcut is defined).
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { DESK_SHORTCUTS, EDIT_SHORTCUTS, appMenuTemplate } from '../../electron/app-menu';

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
});
