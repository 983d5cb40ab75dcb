// Main's IPC surface. Every message is checked: the sending frame must be the station's own UI, the
// method must be one of the API's, and the core validates the arguments with its zod schemas.
import { BrowserWindow, ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { isMethodName } from '../core/api/method-names';
import { wireFailure } from '../core/api/wire';
import type { WireReply } from '../core/api/wire';
import {
  DROPPED_FILES_CHANNEL,
  INVOKE_CHANNEL,
  LANGUAGE_CHANNEL,
  PICK_FILES_CHANNEL,
  PICK_FOLDER_CHANNEL,
} from './channels';
import { menuLanguage } from './app-menu';
import type { MenuLanguage } from './app-menu';
import type { CoreHostClient } from './core-host-client';
import { pickFiles, pickFolder } from './dialogs';
import { acceptedDrops } from './dropped-files';
import { FileGrants } from './file-grants';
import type { KorrigoPasswords } from './korrigo-password';
import { withKeptPassword } from './sync-passwords';
import { isAppUrl } from './trusted-url';

const pickFilesOptions = z.strictObject({
  title: z.string().max(200),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).max(10),
  multiple: z.boolean(),
});

function fromTrustedFrame(event: IpcMainInvokeEvent): boolean {
  return event.senderFrame !== null && isAppUrl(event.senderFrame.url);
}

export function registerIpc(
  core: CoreHostClient,
  passwords: KorrigoPasswords,
  onLanguage: (language: MenuLanguage) => void,
): void {
  const grants = new FileGrants();
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, args: unknown): Promise<WireReply<unknown>> => {
    if (!fromTrustedFrame(event))
      return wireFailure('forbidden', 'IPC from a frame that is not the station UI');
    if (!isMethodName(name))
      return wireFailure('unknown-method', `The station has no method "${String(name)}"`);
    if (!grants.allows(name, args))
      return wireFailure('forbidden', 'The station reads only files picked in its file dialog');
    return core.invoke(name, await withKeptPassword(passwords, name, args));
  });

  ipcMain.handle(PICK_FILES_CHANNEL, async (event, options: unknown): Promise<string[]> => {
    const parsed = pickFilesOptions.safeParse(options);
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!fromTrustedFrame(event) || !parsed.success || !window) return [];
    const picked = await pickFiles(window, parsed.data);
    grants.grant(picked);
    return picked;
  });

  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event, title: unknown): Promise<string | null> => {
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!fromTrustedFrame(event) || typeof title !== 'string' || title.length > 200 || !window) return null;
    const picked = await pickFolder(window, title);
    if (picked) grants.grant([picked]);
    return picked;
  });

  ipcMain.on(LANGUAGE_CHANNEL, (event, value: unknown) => {
    const language = menuLanguage(value);
    if (event.senderFrame && isAppUrl(event.senderFrame.url) && language) onLanguage(language);
  });

  ipcMain.handle(DROPPED_FILES_CHANNEL, (event, paths: unknown): string[] => {
    if (!fromTrustedFrame(event)) return [];
    const dropped = acceptedDrops(paths);
    grants.grant(dropped);
    return dropped;
  });
}
