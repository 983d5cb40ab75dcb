// Renders PDF pages AS DISPLAYED (/Rotate and CropBox applied) to RGBA pixels with pdfjs, entirely offline.
// pdfjs bundles @napi-rs/canvas and its document's canvasFactory creates canvases with it: loading a second
// canvas library in the same process crashes it, so nothing here creates canvases any other way.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { KorrigoError } from '../errors';

export interface RenderedPage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  data: Uint8ClampedArray;
}

/** A page that is grey (a bilevel or grey scan), one byte a pixel: 0 black, 255 white, rows top to bottom. */
export interface GreyPage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A page's pixels as the reader takes them: RGBA, or grey when the page is grey. */
export type PagePixels = RenderedPage | GreyPage;

/** True when `pixels` are grey: one byte a pixel. */
export function isGrey(pixels: PagePixels): pixels is GreyPage {
  const count = pixels.width * pixels.height;
  return count > 0 && pixels.data.length === count;
}

/** A part of the displayed page, in fractions (0..1) of its width and height from the top-left corner. */
export interface PageRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RenderDocument {
  readonly pageCount: number;
  /** `pageIndex` is 0-based. */
  render(pageIndex: number, dpi: number, region?: PageRegion): Promise<RenderedPage>;
  close(): Promise<void>;
}

type RenderCanvas = Parameters<PDFPageProxy['render']>[0]['canvas'];

interface CanvasAndContext {
  canvas: unknown;
  context: {
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  };
}

interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(canvasAndContext: CanvasAndContext): void;
}

/** pdfjs' own data files, read from disk: fonts for unembedded standard fonts, CMaps, ICC, JBIG2/JPX wasm. */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const dataDir = (name: string) => join(PDFJS_DIR, name) + '/';

/**
 * pdfjs, loaded by the first document opened: it costs a thread ~36 MB of memory and ~0.13 s to load, and a
 * reading worker given only pages that are images (most copiers' scans) never renders one.
 */
let pdfjsModule: Promise<typeof Pdfjs> | undefined;
const loadPdfjs = () => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/**
 * Loads a document once to render many of its pages. `name` (the file's name) only makes error messages
 * say which file is at fault.
 */
export async function openForRender(
  pdfBytes: Uint8Array,
  options: { name?: string } = {},
): Promise<RenderDocument> {
  const name = options.name ?? 'the PDF';
  const pdfjs = await loadPdfjs();
  let pdf: PDFDocumentProxy;
  try {
    pdf = await pdfjs.getDocument({
      // pdfjs transfers (detaches) the buffer it is given: keep the caller's bytes intact.
      data: pdfBytes.slice(),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      standardFontDataUrl: dataDir('standard_fonts'),
      cMapUrl: dataDir('cmaps'),
      iccUrl: dataDir('iccs'),
      wasmUrl: dataDir('wasm'),
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    const encrypted = error instanceof Error && error.name === 'PasswordException';
    throw new KorrigoError(
      encrypted ? 'pdf-encrypted' : 'pdf-corrupt',
      encrypted
        ? `${name} is password-protected and cannot be rendered.`
        : `${name} could not be opened for rendering: ${reason(error)}`,
      { cause: error },
    );
  }
  const canvasFactory = pdf.canvasFactory as CanvasFactory;
  return {
    pageCount: pdf.numPages,
    async render(pageIndex, dpi, region) {
      if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= pdf.numPages) {
        throw new RangeError(`page index ${pageIndex} is outside 0..${pdf.numPages - 1} of ${name}`);
      }
      if (!(dpi > 0 && dpi <= 1200)) throw new RangeError(`dpi ${dpi} is outside 0..1200`);
      const wanted = region ?? { x: 0, y: 0, width: 1, height: 1 };
      if (!(wanted.width > 0 && wanted.height > 0))
        throw new RangeError(`region ${JSON.stringify(region)} is empty`);
      try {
        const page = await pdf.getPage(pageIndex + 1);
        const full = page.getViewport({ scale: dpi / 72 });
        const area = pixelArea(full.width, full.height, wanted);
        const viewport = page.getViewport({ scale: dpi / 72, offsetX: -area.x, offsetY: -area.y });
        const target = canvasFactory.create(area.width, area.height);
        try {
          await page.render({ canvas: target.canvas as RenderCanvas, viewport }).promise;
          const { data } = target.context.getImageData(0, 0, area.width, area.height);
          return { width: area.width, height: area.height, data };
        } finally {
          canvasFactory.destroy(target);
          page.cleanup();
        }
      } catch (error) {
        throw new KorrigoError(
          'page-unreadable',
          `Page ${pageIndex + 1} of ${name} could not be rendered: ${reason(error)}`,
          {
            cause: error,
          },
        );
      }
    },
    close: () => pdf.destroy(),
  };
}

/** Renders one page (0-based `pageIndex`) as displayed, or a region of it. */
export async function renderPage(
  pdfBytes: Uint8Array,
  pageIndex: number,
  dpi: number,
  region?: PageRegion,
): Promise<RenderedPage> {
  const doc = await openForRender(pdfBytes);
  try {
    return await doc.render(pageIndex, dpi, region);
  } finally {
    await doc.close();
  }
}

/** PNG bytes of a rendering, for looking at it while debugging. */
export function toPng(rendered: RenderedPage): Promise<Buffer> {
  const pixels = Buffer.from(rendered.data.buffer, rendered.data.byteOffset, rendered.data.byteLength);
  return sharp(pixels, { raw: { width: rendered.width, height: rendered.height, channels: 4 } })
    .png()
    .toBuffer();
}

function pixelArea(width: number, height: number, region: PageRegion) {
  const x0 = Math.round(clamp01(region.x) * width);
  const y0 = Math.round(clamp01(region.y) * height);
  const x1 = Math.round(clamp01(region.x + region.width) * width);
  const y1 = Math.round(clamp01(region.y + region.height) * height);
  // At least one pixel, so a sliver of a page at a low dpi still renders.
  return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
