// How long box finding takes per image, on generated pages of every shape at 150, 200 and 300 dpi:
//   npx tsx test/identify/locate/locate-timing.ts
// Each figure is the best of 15 runs (the machine's other work only ever adds time) and the median.
import { HEADER_BAND, PAGE_BOX_BAND } from '../../../core/identify/crop';
import { isBlankPage } from '../../../core/identify/locate/blank-page';
import { locateHeader } from '../../../core/identify/locate/locate-header';
import { locatePageBox } from '../../../core/identify/locate/locate-page-box';
import type { RenderedPage } from '../../../core/pdf/render-page';
import type { PdfShape } from '../../generator/types';
import { isUprightPage, scanBatch } from './scanned-pages';

const RUNS = 15;

function timed(run: () => unknown): { best: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { best: times[0] as number, median: times[Math.floor(RUNS / 2)] as number };
}

function row(what: string, image: RenderedPage, run: () => unknown): string {
  const { best, median } = timed(run);
  return `${what.padEnd(34)} ${`${image.width}×${image.height}`.padStart(10)}  best ${best.toFixed(1).padStart(5)} ms  median ${median.toFixed(1).padStart(5)} ms`;
}

for (const shape of ['jpeg', 'compact', 'bilevel'] as PdfShape[]) {
  for (const dpi of [150, 200, 300]) {
    const batch = await scanBatch({ seed: 5, shape, dpi, students: 1, present: 1, sheetsPerStudent: [1, 1] });
    const first = batch.pages.find((page) => isUprightPage(page, 1));
    if (!first) throw new Error('no upright P1');
    const header = await first.render(dpi, HEADER_BAND);
    const corner = await first.render(dpi, PAGE_BOX_BAND);
    const small = await first.render(40);
    console.log(row(`${shape} ${dpi} dpi locateHeader`, header, () => locateHeader(header, dpi)));
    console.log(row(`${shape} ${dpi} dpi locatePageBox`, corner, () => locatePageBox(corner, dpi)));
    if (dpi === 150) console.log(row(`${shape} 40 dpi isBlankPage`, small, () => isBlankPage(small, 40)));
    await batch.close();
  }
}
