// Electron main: a thin shell. Windows, the app:// protocol, IPC routing and OS dialogs live here; the
// station core runs in a utility process (core-host.ts).
import { app, BrowserWindow, dialog, Menu, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { resolveDataDir } from '../core/data-dir';
import { appMenuTemplate } from './app-menu';
import type { MenuLanguage } from './app-menu';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { PUSH_CHANNEL } from './channels';
import { startCoreHost } from './core-host-client';
import { registerIpc } from './ipc';
import { KorrigoPasswords } from './korrigo-password';
import { rotatingLog } from './log-file';
import { quitQuestion } from './quit-guard';
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
  const log = rotatingLog(join(dataDir, 'logs'), { maxBytes: 5_000_000, keep: 3 });
  const core = startCoreHost(built('dist-electron', 'core-host.cjs'), dataDir, log);
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
  // Closing the window or quitting while a batch is processed asks first, once.
  let quitConfirmed = false;
  const mayQuit = (): boolean => {
    const question = quitQuestion(core.running());
    if (quitConfirmed || question === null) return true;
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      message: question,
      buttons: ['Continuer le traitement', 'Quitter quand même'],
      defaultId: 0,
      cancelId: 0,
    });
    quitConfirmed = choice === 1;
    return quitConfirmed;
  };
  app.on('before-quit', (event) => {
    if (!mayQuit()) event.preventDefault();
  });
  // The core logs its Korrigo sessions out before it is killed (a few seconds at most), then the app quits.
  let coreStopped = false;
  app.on('will-quit', (event) => {
    if (coreStopped) return;
    event.preventDefault();
    void core.stop().finally(() => {
      coreStopped = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    denyPermissions(session.defaultSession);
    serveAppProtocol(built('dist', 'renderer'), dataDir);
    // Korrigo passwords the operator chose to keep, sealed by the OS keychain (never in plain text).
    // The menu's items press their keys in the page: the renderer handles them as if typed.
    const press = ({ keyCode, modifiers }: { keyCode: string; modifiers: ('control' | 'shift')[] }) => {
      for (const type of ['keyDown', 'keyUp'] as const)
        mainWindow?.webContents.sendInputEvent({ type, keyCode, modifiers });
    };
    // French until the page says which language it shows (and again whenever the operator switches).
    const showMenu = (language: MenuLanguage) =>
      Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(press, language)));
    registerIpc(core, new KorrigoPasswords(safeStorage, join(dataDir, 'korrigo-passwords.json')), showMenu);
    mainWindow = createMainWindow(built('dist-electron', 'preload.cjs'));
    showMenu('fr');
    mainWindow.on('close', (event) => {
      if (!mayQuit()) event.preventDefault();
    });
    mainWindow.on('closed', () => (mainWindow = null));
  });
}
