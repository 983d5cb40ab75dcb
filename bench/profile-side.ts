// One side read in this thread as a reading worker reads it (pixels from the page's image when it is one
// image covering the page, else rendered; then located and recognised), for `node --cpu-prof`.
// Run: node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/profile-side.ts <scan.pdf> [side 1-based] [repeat]
import { readSide } from '../core/identify/read-side';
import { READ_DPI } from '../core/identify/read-sides';
import { createRecognizer } from '../core/identify/recognize/create-recognizer';
import { decodePageImage, wholePageImage } from '../core/pdf/page-image';
import { openForRender } from '../core/pdf/render-page';
import { loadSources } from '../core/pipeline/load-sources';
import { classifyStack } from '../core/pipeline/stack';

const [scan, sideArg = '1', repeatArg = '5'] = process.argv.slice(2);
if (!scan) throw new Error('usage: profile-side <scan.pdf> [side] [repeat]');
const [source] = await loadSources([scan]);
const side = classifyStack([source!])[Number(sideArg) - 1]!;
const recognizer = await createRecognizer();
const doc = await openForRender(source!.bytes);
for (let k = 0; k < Number(repeatArg); k++) {
  const start = performance.now();
  const image = wholePageImage(source!.doc.getPage(side.source - 1).node, side.geometry);
  const pixels = image ? await decodePageImage(image, READ_DPI) : await doc.render(side.source - 1, READ_DPI);
  const got = performance.now();
  const reading = await readSide(pixels, READ_DPI, recognizer);
  const end = performance.now();
  console.log(
    `${image ? 'image' : 'render'} ${(got - start).toFixed(0)} ms, read ${(end - got).toFixed(0)} ms: ${reading.role}`,
  );
}
await doc.close();
