/// <reference types="electron" />
// Entry of the utility process that runs the station core. Batches are CPU-heavy (PDF parsing, later
// OCR) and better-sqlite3 is synchronous: here they cannot freeze main, which drives every window.
import { createStation } from '../core/api/station';
import { processBatch } from '../core/pipeline/run';
import { resolveDataDir } from '../core/server/data-dir';
import type { CoreHostMessage, InvokeMessage } from './host-messages';

const station = createStation({ dataDir: resolveDataDir(), processBatch });
const post = (message: CoreHostMessage) => process.parentPort.postMessage(message);

station.subscribe((push) => post({ type: 'push', push }));

process.parentPort.on('message', ({ data }) => {
  const message = data as InvokeMessage;
  void station
    .dispatch(message.name, message.args)
    .then((reply) => post({ type: 'reply', id: message.id, reply }));
});
