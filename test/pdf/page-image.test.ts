// A page that is one image covering it is read from its image (sharp) instead of rendered (pdfjs): the two
// must show the same page, the same way up, the same size, on every /Rotate. Pages with ink masks over the
// image, and pages left to pdfjs: page-composition.test.ts.
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readPageGeometry } from '../../core/pdf/page-geometry';
import { loadShrink } from '../../core/pdf/jpeg-shrink';
import { decodePageImage, decodePagePixels, rgbaOf, wholePageImage } from '../../core/pdf/page-image';
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

describe('a grey page read as grey', () => {
  /** A page that is one DeviceGray JPEG of noise, /Rotate `rotate`. */
  async function greyJpegPage(rotate: number) {
    const noise = Buffer.alloc(600 * 400);
    let seed = 11;
    for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const jpeg = await sharp(noise, { raw: { width: 600, height: 400, channels: 1 } })
      .toColourspace('b-w')
      .jpeg()
      .toBuffer();
    const doc = await PDFDocument.create();
    const page = doc.addPage([600, 400]);
    page.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: 600, height: 400 });
    page.setRotation({ type: 'degrees', angle: rotate } as never);
    const node = (await PDFDocument.load(await doc.save())).getPage(0).node;
    const image = wholePageImage(node, readPageGeometry(node))!;
    expect(image.background).toMatchObject({ format: 'jpeg', grey: true });
    return image;
  }

  it('gives a bilevel or DeviceGray scan one byte a pixel, the greys decodePageImage repeats in RGBA', async () => {
    const pages = [
      ...(await firstPages({ shape: 'bilevel' })).map(({ image }) => image!),
      ...(await firstPages({ shape: 'bilevel', rotate: 90 })).map(({ image }) => image!),
      await greyJpegPage(0),
      await greyJpegPage(270),
    ];
    for (const image of pages) {
      const grey = await decodePagePixels(image, DPI);
      const rgba = await decodePageImage(image, DPI);
      expect([grey.width, grey.height]).toEqual([rgba.width, rgba.height]);
      expect(grey.data).toHaveLength(grey.width * grey.height);
      expect(Buffer.from(rgbaOf(grey).data).equals(Buffer.from(rgba.data))).toBe(true);
    }
  });

  it('gives a colour scan, and a page with ink painted over it, RGBA as decodePageImage does', async () => {
    for (const shape of ['jpeg', 'compact'] as const) {
      for (const { image } of await firstPages({ shape })) {
        const pixels = await decodePagePixels(image!, DPI);
        expect(pixels.data).toHaveLength(pixels.width * pixels.height * 4);
        expect(pixels).toEqual(await decodePageImage(image!, DPI));
        expect(rgbaOf(pixels)).toBe(pixels);
      }
    }
  });
});
