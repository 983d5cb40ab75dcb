/// <reference types="electron" />
// Entry of the utility process that runs the station core. Batches are CPU-heavy (PDF parsing, later
// OCR) and better-sqlite3 is synchronous: here they cannot freeze main, which drives every window.
import { join } from 'node:path';
import { createStation } from '../core/station/station';
import type { Station } from '../core/station/station';
import { toWireError } from '../core/api/wire';
import type { CoreHostMessage, MainMessage } from './host-messages';

// The bundle lives in dist-electron/, beside resources/ (inside app.asar once packaged).
process.env.KORRIGO_RESOURCES_DIR ??= join(__dirname, '..', 'resources');
const log = (error: unknown) => console.error('[korrigo-station core]', error);
const post = (message: CoreHostMessage) => process.parentPort.postMessage(message);

// Main passes app.getPath('userData'): the store and the exports live there, nowhere else.
const dataDir = process.env.KORRIGO_DATA_DIR;
if (!dataDir) throw new Error('core-host: KORRIGO_DATA_DIR is not set (main passes the userData folder)');

// A store the station must not open (written by a newer station, another program's file) is answered on
// every call, so the window can say so instead of the core dying again at each call.
let station: Station | null = null;
let openError: unknown = null;
try {
  station = createStation({ dataDir, log, prefetchThumbnails: true, watchHotFolder: true });
  station.subscribe((push) => post({ type: 'push', push }));
} catch (error) {
  openError = error;
}

process.parentPort.on('message', ({ data }) => {
  const message = data as MainMessage;
  if (message.type === 'shutdown') {
    const stopping = station ? station.shutdown() : Promise.resolve();
    void stopping.catch(log).then(() => post({ type: 'stopped' }));
    return;
  }
  const reply = station
    ? station.dispatch(message.name, message.args)
    : Promise.resolve({ ok: false as const, error: toWireError(openError, log) });
  void reply.then((answer) => post({ type: 'reply', id: message.id, reply: answer }));
});
