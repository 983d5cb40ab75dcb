// The only IPC channels between the renderer and main. Fixed names: the preload never exposes ipcRenderer.

/** renderer -> main: an API call (method name, args), answered with a WireReply. */
export const INVOKE_CHANNEL = 'korrigo:invoke';
/** main -> renderer: the station's push events. */
export const PUSH_CHANNEL = 'korrigo:push';
/** renderer -> main: the OS open-file dialog; it runs in main and has nothing to do with the core. */
export const PICK_FILES_CHANNEL = 'korrigo:pick-files';
/** renderer -> main: the OS choose-folder dialog (the hot folder); the folder picked is granted. */
export const PICK_FOLDER_CHANNEL = 'korrigo:pick-folder';
/** renderer -> main: the paths of files dropped on the window, to be granted (see dropped-files.ts). */
export const DROPPED_FILES_CHANNEL = 'korrigo:dropped-files';
/** renderer -> main: the language the UI shows, so the native menu speaks it too. */
export const LANGUAGE_CHANNEL = 'korrigo:language';
