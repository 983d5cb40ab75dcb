// The renderer's only door to the station: six fixed channels, never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { AnyPush, KorrigoDesktopBridge, KorrigoEvents } from '../core/api/contract';
import { STATION_VERSION } from '../core/api/version';
import {
  DROPPED_FILES_CHANNEL,
  INVOKE_CHANNEL,
  LANGUAGE_CHANNEL,
  PICK_FILES_CHANNEL,
  PICK_FOLDER_CHANNEL,
  PUSH_CHANNEL,
} from './channels';

const bridge = {
  version: STATION_VERSION,
  invoke: (name, args) => ipcRenderer.invoke(INVOKE_CHANNEL, name, args),
  on: (event, listener) => {
    const relay = (_ipcEvent: IpcRendererEvent, push: AnyPush) => {
      if (push.event === event) listener(push.payload as KorrigoEvents[typeof event]);
    };
    ipcRenderer.on(PUSH_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(PUSH_CHANNEL, relay);
    };
  },
  pickFiles: (options) => ipcRenderer.invoke(PICK_FILES_CHANNEL, options),
  pickFolder: (title) => ipcRenderer.invoke(PICK_FOLDER_CHANNEL, title),
  setLanguage: (language) => ipcRenderer.send(LANGUAGE_CHANNEL, language),
  // Only the OS knows a dropped file's path: a File the page made has none, and is left out.
  droppedFiles: (files) =>
    ipcRenderer.invoke(
      DROPPED_FILES_CHANNEL,
      files.map((file) => webUtils.getPathForFile(file)).filter((path) => path !== ''),
    ),
} satisfies KorrigoDesktopBridge;

contextBridge.exposeInMainWorld('korrigo', bridge);
