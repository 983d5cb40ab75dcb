// Loaded before any window: the UI is one local page, so it may not navigate (nor may any frame in it),
// open windows, embed webviews, or ask for permissions or devices. A link to a batch file (a copy PDF)
// opens in the OS viewer instead, once its real path is known to be a PDF of that batch's export.
import { app, shell } from 'electron';
import type { Session } from 'electron';
import { realBatchPdf } from '../core/server/safe-path';
import { batchFilePath } from './trusted-url';

export function hardenWebContents(dataDir: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const path = batchFilePath(url);
      if (path !== null) {
        void realBatchPdf(dataDir, path).then((file) => (file === null ? undefined : shell.openPath(file)));
      }
      return { action: 'deny' };
    });
  });
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // USB, HID, serial and Bluetooth devices: the station scans from files, it never talks to a device.
  session.setDevicePermissionHandler(() => false);
}
