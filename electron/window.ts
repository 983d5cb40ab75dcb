import { app, BrowserWindow } from 'electron';
import { APP_URL } from './trusted-url';

export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 900,
    title: 'Korrigo Scan Station',
    show: false,
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click would open a window: none is ever wanted (the window-open handler denies them too).
      disableBlinkFeatures: 'Auxclick',
      // An operator's copy of the app gives no console into the UI (and its session).
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_URL);
  return window;
}
