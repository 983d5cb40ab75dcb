// A worker thread of the reading stage: loads its own recognizer once, opens each scan file the first time
// one of its sides comes (a page that is one image is decoded from it, unopened), then reads one side per
// task, replying in order.
import { parentPort, workerData } from 'node:worker_threads';
import { decodePageImage } from '../../pdf/page-image';
import { openForRender, type RenderDocument } from '../../pdf/render-page';
import { readAnnexPage } from '../annex/read-annex-page';
import { readSide } from '../read-side';
import { createRecognizer } from '../recognize/create-recognizer';
import type { SideReading } from '../types';
import type { ReadTask, ReadWorkerData } from './messages';
import type { PoolMessage } from './worker-pool';

const port = parentPort!;
const { modelPath, dpi, documents } = workerData as ReadWorkerData;
const post = (message: PoolMessage<SideReading>) => port.postMessage(message);

// No top-level await: the Electron bundle is CommonJS. A recognizer that cannot load rejects here, the
// worker dies before saying it is ready, and the pool reports why.
void (async () => {
  const recognizer = await createRecognizer({ modelPath });
  const opened = new Map<number, Promise<RenderDocument>>();
  const open = (file: number) => {
    let doc = opened.get(file);
    if (!doc) {
      const source = documents.find((document) => document.file === file)!;
      doc = openForRender(source.bytes, { name: source.name });
      opened.set(file, doc);
    }
    return doc;
  };
  port.on('message', (task: ReadTask) => {
    void (async () => {
      try {
        const side = task.image
          ? await decodePageImage(task.image, dpi)
          : await (await open(task.file)).render(task.pageIndex, dpi);
        const read = task.layout === 'a3' ? readSide : readAnnexPage;
        post({ type: 'done', value: await read(side, dpi, recognizer) });
      } catch (error) {
        post({ type: 'failed', message: (error as Error).message });
      }
    })();
  });
  post({ type: 'ready' });
})();
