/// <reference types="electron" />
// Entry of the utility process that runs the station core. Batches are CPU-heavy (PDF parsing, later
// OCR) and better-sqlite3 is synchronous: here they cannot freeze main, which drives every window.
import { join } from 'node:path';
import { createStation } from '../core/api/station';
import { processBatch } from '../core/pipeline/run';
import { resolveDataDir } from '../core/server/data-dir';
import type { CoreHostMessage, InvokeMessage } from './host-messages';

// The bundle lives in dist-electron/, beside resources/ (inside app.asar once packaged).
process.env.KORRIGO_RESOURCES_DIR ??= join(__dirname, '..', 'resources');
const station = createStation({ dataDir: resolveDataDir(), processBatch });
const post = (message: CoreHostMessage) => process.parentPort.postMessage(message);

station.subscribe((push) => post({ type: 'push', push }));

process.parentPort.on('message', ({ data }) => {
  const message = data as InvokeMessage;
  void station
    .dispatch(message.name, message.args)
    .then((reply) => post({ type: 'reply', id: message.id, reply }));
});
