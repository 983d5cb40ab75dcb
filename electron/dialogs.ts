import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { PickFilesOptions } from '../core/api/contract';

/** Paths chosen in the OS dialog, in its order; empty when cancelled. */
export async function pickFiles(window: BrowserWindow, options: PickFilesOptions): Promise<string[]> {
  const result = await dialog.showOpenDialog(window, {
    title: options.title,
    properties: options.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    filters: [
      {
        name: options.extensions.map((extension) => extension.toUpperCase()).join(', '),
        extensions: options.extensions,
      },
    ],
  });
  return result.canceled ? [] : result.filePaths;
}

/** The folder chosen in the OS dialog; null when cancelled. */
export async function pickFolder(window: BrowserWindow, title: string): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, { title, properties: ['openDirectory'] });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
