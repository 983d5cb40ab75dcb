// A page that is one image covering it is read from its image (sharp) instead of rendered (pdfjs): the two
// must show the same page, the same way up, the same size, on every /Rotate. Pages with ink masks over the
// image, and pages left to pdfjs: page-composition.test.ts.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPageGeometry } from '../../core/pdf/page-geometry';
import { loadShrink } from '../../core/pdf/jpeg-shrink';
import { decodePageImage, wholePageImage } from '../../core/pdf/page-image';
import { openForRender, type RenderedPage } from '../../core/pdf/render-page';
import { generateBatch } from '../generator/generate';
import type { GenerateOptions } from '../generator/types';

const DPI = 40;

function meanDifference(a: RenderedPage, b: RenderedPage): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) sum += Math.abs(a.data[i + c]! - b.data[i + c]!);
  }
  return sum / ((a.data.length / 4) * 3);
}

async function firstPages(options: Partial<GenerateOptions> & Pick<GenerateOptions, 'shape'>, dpi = DPI) {
  const batch = await generateBatch({ seed: 4, dpi: 60, students: 1, sheetsPerStudent: [1, 1], ...options });
  const bytes = batch.files[0]!.bytes;
  const doc = await PDFDocument.load(bytes);
  const rendered = await openForRender(bytes);
  const pages = await Promise.all(
    [0, 1].map(async (index) => {
      const node = doc.getPage(index).node;
      return {
        image: wholePageImage(node, readPageGeometry(node)),
        render: await rendered.render(index, dpi),
      };
    }),
  );
  await rendered.close();
  return pages;
}

describe('reading a page from its sole image', () => {
  it.each([
    ['jpeg', 0],
    ['jpeg', 90],
    ['jpeg', 180],
    ['jpeg', 270],
    ['bilevel', 0],
  ] as const)('%s pages with /Rotate %i decode to what pdfjs renders', async (shape, rotate) => {
    for (const { image, render } of await firstPages({ shape, rotate })) {
      expect(image, 'the page is one image covering it').toBeDefined();
      expect(image!.masks).toEqual([]);
      const decoded = await decodePageImage(image!, DPI);
      expect([decoded.width, decoded.height]).toEqual([render.width, render.height]);
      // Resampling differs a little; a page turned the wrong way differs by tens of levels.
      expect(meanDifference(decoded, render)).toBeLessThan(bilevelTolerance(shape));
    }
  });

  it.each([0, 90] as const)(
    'a JPEG twice the size read, /Rotate %i, is decoded shrunk by libjpeg',
    async (rotate) => {
      // 72 dpi pages read at 36: 1191 × 842 pixels halve to 595 × 421, the pixels of the page at 36 dpi.
      for (const { image, render } of await firstPages({ shape: 'jpeg', rotate, dpi: 72 }, 36)) {
        const { background } = image!;
        const [width, height] = rotate % 180 ? [render.height, render.width] : [render.width, render.height];
        expect(background.format === 'jpeg' && loadShrink(background, { width, height })).toBe(2);
        const decoded = await decodePageImage(image!, 36);
        expect([decoded.width, decoded.height]).toEqual([render.width, render.height]);
        expect(meanDifference(decoded, render)).toBeLessThan(4);
      }
    },
  );

  it('inherited /Rotate is followed', async () => {
    for (const { image, render } of await firstPages({ shape: 'jpeg', rotate: 90, inheritRotate: true })) {
      expect(meanDifference(await decodePageImage(image!, DPI), render)).toBeLessThan(4);
    }
  });
});

/** A 1-bit scan shrunk by two resamplers differs more along its edges than a photo does. */
function bilevelTolerance(shape: string): number {
  return shape === 'bilevel' ? 12 : 4;
}
