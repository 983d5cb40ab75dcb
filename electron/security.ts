// Loaded before any window: the UI is one local page, so it may not navigate, open windows, embed
// webviews or ask for permissions. A link to a batch file (a copy PDF) opens in the OS viewer instead.
import { app, shell } from 'electron';
import type { Session } from 'electron';
import { resolveBatchFile } from '../core/server/safe-path';
import { batchFilePath } from './trusted-url';

export function hardenWebContents(dataDir: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const path = batchFilePath(url);
      const file = path === null ? null : resolveBatchFile(dataDir, path);
      if (file !== null) void shell.openPath(file);
      return { action: 'deny' };
    });
  });
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
