// A3 sides drawn from the generator's parts, for the cases a generated batch never has: a sheet with
// nothing but its printed template and page boxes, with a few words on it, or with its boxes scrawled
// over. Each drawing is a new scan (its own skew, offset, paper tone and noise); the same `paper` drawn
// twice is the same sheet rescanned.
import type { RenderedPage } from '../../../core/pdf/render-page';
import { drawWriter, handwrittenRun, type Writer } from '../../generator/handwriting';
import { pageElements, type ExamPageSpec } from '../../generator/page-content';
import { PRINTINGS } from '../../generator/printing';
import { Random } from '../../generator/random';
import { WORDS } from '../../generator/words';
import { css, mm, type Element } from '../../generator/scene';
import { A3_MM, type Rect } from '../../generator/sheet-layout';
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
  /** Every box a student writes in (the header's, the page boxes') scrawled over: ink, but no character. */
  scrawled?: boolean;
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
  if (paper.scrawled) {
    const { fields, pageCells } = PRINTINGS.ccyc;
    const pageBoxes = [...pageCells.number, ...pageCells.total];
    left.push(scrawl(rng, writer, pageBoxes));
    right.push(
      scrawl(rng, writer, paper.recto ? [...Object.values(fields).flat(), ...pageBoxes] : pageBoxes),
    );
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

/** A zigzag of a few strokes across each box, from rule to rule: no character a reader could tell. */
function scrawl(rng: Random, writer: Writer, boxes: readonly Rect[]): Element {
  const paths = boxes.map((box) => {
    const points = Array.from({ length: rng.int(4, 7) }, (_, k) => {
      const x = box.x + box.width * (k % 2 === 0 ? rng.range(0.05, 0.35) : rng.range(0.65, 0.95));
      return `${mm(x)},${mm(box.y + box.height * rng.range(0.05, 0.95))}`;
    });
    return `<polyline points="${points.join(' ')}"/>`;
  });
  const x0 = Math.min(...boxes.map((box) => box.x));
  const y0 = Math.min(...boxes.map((box) => box.y));
  const x1 = Math.max(...boxes.map((box) => box.x + box.width));
  const y1 = Math.max(...boxes.map((box) => box.y + box.height));
  return {
    svg:
      `<g fill="none" stroke="${css(writer.color)}" stroke-width="0.5" stroke-linejoin="round"` +
      ` stroke-linecap="round">${paths.join('')}</g>`,
    box: { x: x0 - 1, y: y0 - 1, width: x1 - x0 + 2, height: y1 - y0 + 2 },
    color: writer.color,
  };
}
