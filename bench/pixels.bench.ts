// Getting one side's pixels at the reading resolution, three ways on the same sides in one run, alternating so
// they share the machine's load: pdfjs rendering the page, sharp decoding the page's sole image (the station's
// way for a page that is one image), and the anchor `pdftoppm -r 150 -gray` on that one page.
// Run: npx tsx bench/pixels.bench.ts <scan.pdf> [sides 6]
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { READ_DPI } from '../core/identify/read-sides';
import { decodePagePixels, wholePageImage } from '../core/pdf/page-image';
import { openForRender } from '../core/pdf/render-page';
import { loadSources } from '../core/pipeline/load-sources';
import { classifyStack } from '../core/pipeline/stack';

const run = promisify(execFile);
const [scan, countArg = '6'] = process.argv.slice(2);
if (!scan) throw new Error('usage: pixels.bench <scan.pdf> [sides]');
const [source] = await loadSources([scan]);
const stack = classifyStack([source!]);
const doc = await openForRender(source!.bytes);
const dir = await mkdtemp(join(tmpdir(), 'korrigo-pixels-'));
const count = Math.min(Number(countArg), stack.length);
const totals = { render: 0, image: 0, pdftoppm: 0 };
let decoded = 0;
try {
  for (let k = 0; k < count; k++) {
    const side = stack[Math.floor((k * stack.length) / count)]!;
    let start = performance.now();
    await doc.render(side.source - 1, READ_DPI);
    totals.render += performance.now() - start;
    start = performance.now();
    const image = wholePageImage(source!.doc.getPage(side.source - 1).node, side.geometry);
    if (image) {
      await decodePagePixels(image, READ_DPI);
      decoded++;
    }
    totals.image += performance.now() - start;
    start = performance.now();
    const page = String(side.source);
    await run('pdftoppm', ['-r', '150', '-gray', '-f', page, '-l', page, scan, join(dir, 'p')]);
    totals.pdftoppm += performance.now() - start;
  }
} finally {
  await doc.close();
  await rm(dir, { recursive: true, force: true });
}
const ms = (total: number) => (total / count).toFixed(0).padStart(6);
console.log(
  `${scan}: ${count} sides, ${decoded} read from their image; load average ${loadavg()[0]!.toFixed(1)}`,
);
console.log(
  `ms per side | pdfjs render ${ms(totals.render)} | sole image (sharp) ${ms(totals.image)} | pdftoppm -r 150 -gray ${ms(totals.pdftoppm)}`,
);
console.log(
  `ratios      | render / image ×${(totals.render / totals.image).toFixed(1)} | pdftoppm / image ×${(totals.pdftoppm / totals.image).toFixed(1)}`,
);
