// A3 sides drawn from the generator's parts, for the cases a generated batch never has: a sheet with
// nothing but its printed template and page boxes, or with a few words on it. Each drawing is a new scan
// (its own skew, offset, paper tone and noise); the same `paper` drawn twice is the same sheet rescanned.
import type { RenderedPage } from '../../../core/pdf/render-page';
import { drawWriter, handwrittenRun, type Writer } from '../../generator/handwriting';
import { pageElements, type ExamPageSpec } from '../../generator/page-content';
import { Random } from '../../generator/random';
import { WORDS } from '../../generator/words';
import type { Element } from '../../generator/scene';
import { A3_MM } from '../../generator/sheet-layout';
import { renderSide } from '../../generator/side-raster';

export interface BarePaper {
  /** Seeds the writer and what it writes. */
  seed: number;
  /** Recto [P4 | P1], with the header frame on the right page; else a verso [P2 | P3]. */
  recto: boolean;
  /** Page numbers written in the two page boxes (left, right), or null for none. */
  pageBoxes: [number, number] | null;
  /** Lines of a few words each, written on the right page below its header, where this writer likes. */
  lines: number;
}

export interface Placement {
  skew: number;
  shiftX: number;
  shiftY: number;
  /** Seeds the paper tone, dust and sensor noise of this scan. */
  seed: number;
}

export async function drawSide(paper: BarePaper, placement: Placement, dpi: number): Promise<RenderedPage> {
  const rng = new Random(paper.seed);
  const writer = drawWriter(rng, ['Humor Sans']);
  const [left, right] = (paper.recto ? [4, 1] : [2, 3]).map((pageInSheet, i) =>
    pageElements(examPage(rng, writer, pageInSheet as 1 | 2 | 3 | 4, paper.pageBoxes?.[i] ?? null)),
  ) as [Element[], Element[]];
  const top = rng.range(70, 110);
  for (let k = 0; k < paper.lines; k++) {
    const words = Array.from({ length: rng.int(3, 6) }, () => rng.pick(WORDS));
    right.push(handwrittenRun(writer, rng, words, rng.range(20, 40), top + k * writer.linePitch).element);
  }
  const width = Math.round((A3_MM.width * dpi) / 25.4);
  const height = Math.round((A3_MM.height * dpi) / 25.4);
  const scene = { widthMm: A3_MM.width, heightMm: A3_MM.height, pages: [left, right], ...placement };
  const rgb = await renderSide(scene, { width, height }, true);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    data.set(rgb.subarray(p * 3, p * 3 + 3), p * 4);
    data[p * 4 + 3] = 255;
  }
  return { width, height, data };
}

function examPage(
  rng: Random,
  writer: Writer,
  pageInSheet: 1 | 2 | 3 | 4,
  pageBox: number | null,
): ExamPageSpec {
  return {
    kind: 'exam',
    id: rng.int(1, 4000),
    pageInSheet,
    header: null,
    pageBox: pageBox === null ? null : [pageBox, 8],
    blank: true,
    versoBand: true,
    writer,
    seed: rng.int(1, 1e9),
  };
}
