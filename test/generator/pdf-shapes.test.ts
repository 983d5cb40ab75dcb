import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFNumber, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { generateBatch } from './generate';
import type { GenerateOptions } from './types';

const base: Omit<GenerateOptions, 'shape'> = {
  seed: 3,
  dpi: 50,
  students: 2,
  sheetsPerStudent: [1, 2],
  a4Pages: 1,
};

interface ImageInfo {
  imageMask: boolean;
  filters: string[];
  width: number;
  height: number;
  bitsPerComponent: number | undefined;
  colorSpace: string | undefined;
}

async function scan(options: Partial<GenerateOptions> & Pick<GenerateOptions, 'shape'>) {
  const batch = await generateBatch({ ...base, ...options });
  const file = batch.files[0];
  if (!file) throw new Error('no file');
  const doc = await PDFDocument.load(file.bytes);
  const kinds = batch.truth.sides.filter((s) => s.file === 1).map((s) => s.kind);
  return { doc, kinds, pages: doc.getPages() };
}

function images(doc: PDFDocument, page: PDFPage): ImageInfo[] {
  const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
  if (!xObjects) return [];
  return xObjects.values().map((ref) => {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) throw new Error('expected an image stream');
    const dict = stream.dict;
    const filter = dict.get(PDFName.of('Filter'));
    const filters =
      filter instanceof PDFArray
        ? filter.asArray().map((f) => f.toString())
        : filter
          ? [filter.toString()]
          : [];
    const number = (key: string) => (dict.get(PDFName.of(key)) as PDFNumber | undefined)?.asNumber();
    expect(dict.get(PDFName.of('Subtype'))?.toString()).toBe('/Image');
    return {
      imageMask: dict.get(PDFName.of('ImageMask'))?.toString() === 'true',
      filters,
      width: number('Width') ?? 0,
      height: number('Height') ?? 0,
      bitsPerComponent: number('BitsPerComponent'),
      colorSpace: dict.get(PDFName.of('ColorSpace'))?.toString(),
    };
  });
}

const ownRotate = (page: PDFPage) =>
  (page.node.get(PDFName.of('Rotate')) as PDFNumber | undefined)?.asNumber();
const treeRotate = (doc: PDFDocument) =>
  (doc.catalog.Pages().get(PDFName.of('Rotate')) as PDFNumber | undefined)?.asNumber();
const box = (page: PDFPage) =>
  [page.getMediaBox().width, page.getMediaBox().height].map((v) => Math.round(v * 100) / 100);

describe('PDF shapes', () => {
  it('compact: portrait copier pages with /Rotate 270, a half-dpi background and many 1-bit stencils', async () => {
    const { doc, kinds, pages } = await scan({ shape: 'compact' });
    expect(treeRotate(doc)).toBeUndefined();
    let deflatedJpegs = 0;
    pages.forEach((page, i) => {
      const found = images(doc, page);
      const backgrounds = found.filter((im) => !im.imageMask);
      const masks = found.filter((im) => im.imageMask);
      expect(backgrounds).toHaveLength(1);
      const background = backgrounds[0] as ImageInfo;
      expect(background.filters.at(-1)).toBe('/DCTDecode');
      if (background.filters.join() === '/FlateDecode,/DCTDecode') deflatedJpegs++;
      for (const mask of masks) {
        expect(mask.filters).toEqual(['/FlateDecode']);
        expect(mask.bitsPerComponent).toBe(1);
        expect(mask.colorSpace).toBeUndefined();
      }
      if (kinds[i] === 'a3') {
        expect(box(page)).toEqual([841.68, 1190.4]);
        expect(ownRotate(page)).toBe(270);
        expect(masks.length).toBeGreaterThanOrEqual(30);
        expect(masks.length).toBeLessThanOrEqual(100);
        // Stored portrait, so the background raster is portrait too, at half the ink's 50 dpi.
        expect(background.width).toBe(Math.round((841.68 / 72) * 25));
        expect(background.height).toBe(Math.round((1190.4 / 72) * 25));
      } else {
        expect(box(page)).toEqual([595.28, 841.89]);
        expect(ownRotate(page) ?? 0).toBe(0);
      }
    });
    expect(kinds).toContain('a4');
    expect(deflatedJpegs).toBeGreaterThan(0);
  });

  it('compact with inheritRotate: /Rotate 270 on the page tree, A4 pages override it', async () => {
    const { doc, kinds, pages } = await scan({ shape: 'compact', inheritRotate: true });
    expect(treeRotate(doc)).toBe(270);
    pages.forEach((page, i) => expect(ownRotate(page)).toBe(kinds[i] === 'a3' ? undefined : 0));
  });

  it('jpeg: one JPEG per page, landscape A3', async () => {
    const { doc, kinds, pages } = await scan({ shape: 'jpeg' });
    pages.forEach((page, i) => {
      const found = images(doc, page);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        imageMask: false,
        filters: ['/DCTDecode'],
        bitsPerComponent: 8,
        colorSpace: '/DeviceRGB',
      });
      expect(ownRotate(page)).toBeUndefined();
      expect(box(page)).toEqual(kinds[i] === 'a3' ? [1190.55, 841.89] : [595.28, 841.89]);
    });
  });

  it('jpeg with /Rotate 90: stored portrait, image pre-rotated', async () => {
    const { doc, kinds, pages } = await scan({ shape: 'jpeg', rotate: 90 });
    pages.forEach((page, i) => {
      const [image] = images(doc, page);
      if (kinds[i] === 'a3') {
        expect(ownRotate(page)).toBe(90);
        expect(box(page)).toEqual([841.89, 1190.55]);
        expect(image?.width).toBeLessThan(image?.height ?? 0);
      } else {
        expect(ownRotate(page)).toBeUndefined();
      }
    });
  });

  it('bilevel: one 1-bit grey image per page', async () => {
    const { doc, kinds, pages } = await scan({ shape: 'bilevel' });
    pages.forEach((page, i) => {
      const found = images(doc, page);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        imageMask: false,
        filters: ['/FlateDecode'],
        bitsPerComponent: 1,
        colorSpace: '/DeviceGray',
      });
      expect(box(page)).toEqual(kinds[i] === 'a3' ? [1190.55, 841.89] : [595.28, 841.89]);
    });
  });
});
