// Where one side's reading time goes, in this thread: getting its pixels (image decode or render), finding
// its boxes (everything that is neither pixels nor the classifier: locate, crop, fingerprint, blank test),
// and the cell classifier. A sample of sides spread over the stack, ms per side.
import { READ_DPI } from '../../core/identify/read-sides';
import { readSide } from '../../core/identify/read-side';
import { createRecognizer } from '../../core/identify/recognize/create-recognizer';
import type { Recognizer } from '../../core/identify/recognize/recognizer';
import { decodeOrRender, wholePageImage } from '../../core/pdf/page-image';
import { openForRender } from '../../core/pdf/render-page';
import type { LoadedSource } from '../../core/pdf/load-source';
import type { StackPage } from '../../core/pipeline/stack';

export async function sampleSides(
  sources: readonly LoadedSource[],
  sides: readonly StackPage[],
  count: number,
) {
  const inner = await createRecognizer();
  let recognise = 0;
  const recognizer: Recognizer = {
    async read(cells, alphabet) {
      const start = performance.now();
      try {
        return await inner.read(cells, alphabet);
      } finally {
        recognise += performance.now() - start;
      }
    },
    close: () => inner.close(),
  };
  const a3 = sides.filter((side) => side.layout === 'a3');
  const picked = Array.from(
    { length: Math.min(count, a3.length) },
    (_, k) => a3[Math.floor((k * a3.length) / Math.min(count, a3.length))]!,
  );
  let pixels = 0;
  let total = 0;
  for (const side of picked) {
    const doc = await openForRender(sources[side.file - 1]!.bytes);
    const start = performance.now();
    // As a reading worker gets it: from the page's image when the page is one image, else rendered.
    const image = wholePageImage(sources[side.file - 1]!.doc.getPage(side.source - 1).node, side.geometry);
    const rendered = await decodeOrRender(image, READ_DPI, () => doc.render(side.source - 1, READ_DPI));
    pixels += performance.now() - start;
    await readSide(rendered, READ_DPI, recognizer);
    total += performance.now() - start;
    await doc.close();
  }
  const n = Math.max(1, picked.length);
  return {
    sides: picked.length,
    pixelsMs: pixels / n,
    locateMs: (total - pixels - recognise) / n,
    recogniseMs: recognise / n,
  };
}
