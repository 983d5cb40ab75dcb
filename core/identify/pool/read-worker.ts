// A worker thread of the reading stage: loads its own recognizer once, then reads one side per task,
// replying in order. It opens a scan file when a side of it first comes (a page made only of placed
// images is decoded from them, unopened) and keeps only that one open: the pool keeps workers between batches, and a
// batch's sides come file by file.
import { parentPort, workerData } from 'node:worker_threads';
import { decodeOrRender, rgbaOf } from '../../pdf/page-image';
import { openForRender, type RenderDocument, type RenderedPage } from '../../pdf/render-page';
import { readAnnexPage } from '../annex/read-annex-page';
import { readSide } from '../read-side';
import { makeSideThumbnails } from '../../thumbnails/side-thumbnails';
import { createRecognizer } from '../recognize/create-recognizer';
import type { SideReading } from '../types';
import type { ReadDocument, ReadTask, ReadWorkerData } from './messages';
import { currentThread } from './thread-cpu';
import type { PoolMessage } from './worker-pool';

const port = parentPort!;
/** A thumbnail that cannot be written is made on demand later: the reading goes on. */
const thumbnailsOf = (side: RenderedPage, task: ReadTask, dataDir: string, upsideDown: boolean | null) =>
  makeSideThumbnails(side, task.layout, upsideDown, {
    dataDir,
    sha256: task.document.key,
    page: task.pageIndex + 1,
  }).catch(() => undefined);
const { modelPath } = workerData as ReadWorkerData;
const post = (message: PoolMessage<SideReading>) => port.postMessage(message);

// No top-level await: the Electron bundle is CommonJS. A recognizer that cannot load rejects here, the
// worker dies before saying it is ready, and the pool reports why.
const thread = currentThread();
// Said before the model loads, so the pool counts the start in CPU time of this thread.
if (thread !== undefined) post({ type: 'started', thread });
void (async () => {
  const recognizer = await createRecognizer({ modelPath });
  let opened: { key: string; doc: Promise<RenderDocument> } | undefined;
  const open = async (document: ReadDocument) => {
    if (opened?.key !== document.key) {
      const previous = opened;
      opened = { key: document.key, doc: openForRender(document.bytes, { name: document.name }) };
      if (previous) await (await previous.doc.catch(() => null))?.close();
    }
    return opened.doc;
  };
  port.on('message', (task: ReadTask) => {
    void (async () => {
      try {
        const render = async () => (await open(task.document)).render(task.pageIndex, task.dpi);
        // A grey scan's side stays grey for the reader; the annex reader and the thumbnails take RGBA.
        const side = await decodeOrRender(task.image, task.dpi, render);
        const value =
          task.layout === 'a3'
            ? await readSide(side, task.dpi, recognizer)
            : await readAnnexPage(rgbaOf(side), task.dpi, recognizer);
        if (task.thumbnails)
          await thumbnailsOf(rgbaOf(side), task, task.thumbnails.dataDir, value.upsideDown);
        post({ type: 'done', value });
      } catch (error) {
        post({ type: 'failed', message: (error as Error).message });
      }
    })();
  });
  post({ type: 'ready', ...(thread === undefined ? {} : { thread }) });
})();
