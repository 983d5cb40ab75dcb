// One side read in this thread as a reading worker reads it (pixels from the page's image when it is one
// image covering the page, else rendered; then located and recognised), for `node --cpu-prof`. As in a
// worker, the page's image is taken out of the scan once and the parsed scan is let go, and pdfjs is loaded
// only for a page that is not an image: held, either would make every collection here dearer than a
// worker's (pdfjs' source maps alone take ~40 MB of heap under tsx).
// Run: node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/profile-side.ts <scan.pdf> [side 1-based] [repeat]
import { readSide } from '../core/identify/read-side';
import { READ_DPI } from '../core/identify/read-sides';
import { createRecognizer } from '../core/identify/recognize/create-recognizer';
import { decodeOrRender, wholePageImage, type PageImage } from '../core/pdf/page-image';
import { openForRender } from '../core/pdf/render-page';
import { loadSources } from '../core/pipeline/load-sources';
import { classifyStack } from '../core/pipeline/stack';

const [scan, sideArg = '1', repeatArg = '5'] = process.argv.slice(2);
if (!scan) throw new Error('usage: profile-side <scan.pdf> [side] [repeat]');

async function sideOf(path: string, index: number) {
  const [source] = await loadSources([path]);
  const side = classifyStack([source!])[index - 1]!;
  const image: PageImage | undefined = wholePageImage(
    source!.doc.getPage(side.source - 1).node,
    side.geometry,
  );
  return { bytes: source!.bytes, pageIndex: side.source - 1, image };
}

const { bytes, pageIndex, image } = await sideOf(scan, Number(sideArg));
const recognizer = await createRecognizer();
const doc = image ? undefined : await openForRender(bytes);
for (let k = 0; k < Number(repeatArg); k++) {
  const start = performance.now();
  const pixels = await decodeOrRender(image, READ_DPI, () => doc!.render(pageIndex, READ_DPI));
  const got = performance.now();
  const reading = await readSide(pixels, READ_DPI, recognizer);
  const end = performance.now();
  console.log(
    `${image ? 'image' : 'render'} ${(got - start).toFixed(0)} ms, read ${(end - got).toFixed(0)} ms: ${reading.role}`,
  );
}
await doc?.close();
