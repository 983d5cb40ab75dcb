import { PDFDocument, PDFName, PDFNumber, degrees, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isKorrigoError } from '../../core/errors';
import { openForRender, renderPage, toPng, type RenderedPage } from '../../core/pdf/render-page';

/** A 200 × 100 pt page with a red 20 pt square in the bottom-left corner of its user space. */
async function markedPage(
  configure: (page: ReturnType<PDFDocument['addPage']>) => void,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([200, 100]);
  page.drawRectangle({ x: 0, y: 0, width: 20, height: 20, color: rgb(1, 0, 0) });
  configure(page);
  return doc.save();
}

function pixel(image: RenderedPage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(i, i + 4));
}

const RED = [255, 0, 0, 255];
const WHITE = [255, 255, 255, 255];

describe('renderPage', () => {
  it('renders a /Rotate 90 page as a viewer shows it', async () => {
    const bytes = await markedPage((page) => page.setRotation(degrees(90)));
    const image = await renderPage(bytes, 0, 72);
    expect([image.width, image.height]).toEqual([100, 200]);
    // Turned a quarter clockwise, the bottom-left corner of the page comes to the top-left.
    expect(pixel(image, 5, 5)).toEqual(RED);
    expect(pixel(image, 95, 195)).toEqual(WHITE);
    expect(pixel(image, 5, 195)).toEqual(WHITE);
  });

  it('honours a /Rotate inherited from the page tree', async () => {
    const bytes = await markedPage(() => undefined);
    const doc = await PDFDocument.load(bytes);
    doc.catalog.Pages().set(PDFName.of('Rotate'), PDFNumber.of(270));
    const image = await renderPage(await doc.save(), 0, 72);
    expect([image.width, image.height]).toEqual([100, 200]);
    // A three-quarter turn brings the bottom-left corner to the bottom-right.
    expect(pixel(image, 95, 195)).toEqual(RED);
    expect(pixel(image, 5, 5)).toEqual(WHITE);
  });

  it('shows only the CropBox', async () => {
    const bytes = await markedPage((page) => page.setCropBox(10, 0, 190, 100));
    const image = await renderPage(bytes, 0, 72);
    expect([image.width, image.height]).toEqual([190, 100]);
    expect(pixel(image, 5, 95)).toEqual(RED);
    expect(pixel(image, 12, 95)).toEqual(WHITE);
  });

  it('renders a region of the displayed page at the given dpi', async () => {
    const bytes = await markedPage((page) => page.setRotation(degrees(90)));
    const doc = await openForRender(bytes);
    const topLeft = await doc.render(0, 144, { x: 0, y: 0, width: 0.5, height: 0.25 });
    const bottomRight = await doc.render(0, 144, { x: 0.5, y: 0.75, width: 0.5, height: 0.25 });
    await doc.close();
    expect([topLeft.width, topLeft.height]).toEqual([100, 100]);
    expect(pixel(topLeft, 35, 35)).toEqual(RED);
    expect(pixel(topLeft, 45, 45)).toEqual(WHITE);
    expect(bottomRight.data.every((v) => v === 255)).toBe(true);
  });

  it('leaves the caller’s bytes usable', async () => {
    const bytes = await markedPage(() => undefined);
    const copy = bytes.slice();
    await renderPage(bytes, 0, 36);
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });

  it('refuses bytes that are not a PDF with a KorrigoError naming the file', async () => {
    const error = await openForRender(new TextEncoder().encode('not a pdf at all'), {
      name: 'SKM9.pdf',
    }).catch((e: unknown) => e);
    expect(isKorrigoError(error)).toBe(true);
    expect(isKorrigoError(error) && error.code).toBe('pdf-corrupt');
    expect(String((error as Error).message)).toContain('SKM9.pdf');
  });

  it('writes a PNG of the rendering', async () => {
    const image = await renderPage(await markedPage(() => undefined), 0, 36);
    const meta = await sharp(await toPng(image)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 100, 50]);
  });
});
