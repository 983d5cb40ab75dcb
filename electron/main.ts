// Electron main: a thin shell. Windows, the app:// protocol, IPC routing and OS dialogs live here; the
// station core runs in a utility process (core-host.ts).
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { resolveDataDir } from '../core/server/data-dir';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { PUSH_CHANNEL } from './channels';
import { startCoreHost } from './core-host-client';
import { registerIpc } from './ipc';
import { denyPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';

registerAppScheme();
// Every renderer sandboxed, whatever a window's own options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Two stations on one data dir would share one store and its exports: the running one takes over.
  app.quit();
} else {
  // $KORRIGO_DATA_DIR moves userData (as it moves the CLI's default database); the core's store lives there.
  app.setPath('userData', resolveDataDir());
  const dataDir = app.getPath('userData');
  const built = (...path: string[]) => join(app.getAppPath(), ...path);
  const core = startCoreHost(built('dist-electron', 'core-host.cjs'), dataDir);
  let mainWindow: BrowserWindow | null = null;

  hardenWebContents(dataDir);
  core.onPush((push) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(PUSH_CHANNEL, push);
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core.stop());

  void app.whenReady().then(() => {
    denyPermissions(session.defaultSession);
    serveAppProtocol(built('dist', 'renderer'), dataDir);
    registerIpc(core);
    mainWindow = createMainWindow(built('dist-electron', 'preload.cjs'));
    mainWindow.on('closed', () => (mainWindow = null));
  });
}
