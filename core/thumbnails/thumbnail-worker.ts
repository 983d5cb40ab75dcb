// The thumbnail cache's thread: makes the thumbnails the cache sends, one message at a time, and says how
// each went. pdfjs and sharp work here, so the station's own thread stays free for its calls.
import { parentPort, workerData } from 'node:worker_threads';
import { KorrigoError } from '../errors';
import { createMaker } from './thumbnail-maker';
import type { MakerReply, MakerTask, MakerWorkerData } from './maker-messages';

const port = parentPort!;
const maker = createMaker((workerData as MakerWorkerData).scansDir);

port.on('message', (task: MakerTask) => {
  void (async () => {
    try {
      if (task.kind === 'make') await maker.make(task.key, task.path);
      else await maker.prepare(task.sha256);
      port.postMessage({ id: task.id, ok: true } satisfies MakerReply);
    } catch (error) {
      const code = error instanceof KorrigoError ? error.code : undefined;
      const reply: MakerReply = { id: task.id, ok: false, message: (error as Error).message };
      port.postMessage(code ? { ...reply, code } : reply);
    }
  })();
});
