// Writes scanned sides the way three kinds of scanner do (see /work/shared/real-scans.md): one JPEG per
// page, the copier's "compact PDF" (a JPEG background plus one 1-bit stencil per element of ink), or one
// bilevel image per page. Built with pdf-lib's low-level objects to control every image dictionary.
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, type PDFContext, type PDFPage, type PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import type { PdfShape } from './types';
import { renderMasks, renderSide, threshold, type PixelSize, type SideScene } from './side-raster';
import {
  displayedSize,
  packBits,
  rotatePixels,
  storageTurn,
  storedRect,
  type Rotation,
  type Size,
} from './storage';

/** A4 and A3 in points. */
const A4_PT: Size = { width: 595.28, height: 841.89 };
const A3_LANDSCAPE_PT: Size = { width: 1190.55, height: 841.89 };
/** The Konica Minolta bizhub's A3 MediaBox, stored portrait and shown with /Rotate 270. */
const COPIER_A3_PT: Size = { width: 841.68, height: 1190.4 };

const JPEG_QUALITY = 80;
const BACKGROUND_QUALITY = 50;

export interface ScannedSide {
  scene: SideScene;
  /** Compact shape: store the background JPEG deflated again ([/FlateDecode /DCTDecode]), as copiers do. */
  deflateBackground: boolean;
}

export interface ShapeOptions {
  shape: PdfShape;
  dpi: number;
  /** jpeg shape: the /Rotate of A3 pages. */
  rotate: Rotation;
  inheritRotate: boolean;
}

interface PageFormat {
  stored: Size;
  rotate: Rotation;
}

function pageFormat(options: ShapeOptions, isA3: boolean): PageFormat {
  if (!isA3) return { stored: A4_PT, rotate: 0 };
  if (options.shape === 'compact') return { stored: COPIER_A3_PT, rotate: 270 };
  const rotate = options.shape === 'jpeg' ? options.rotate : 0;
  return { stored: displayedSize(A3_LANDSCAPE_PT, rotate), rotate };
}

function pixelSize(displayed: Size, dpi: number): PixelSize {
  return {
    width: Math.round((displayed.width / 72) * dpi),
    height: Math.round((displayed.height / 72) * dpi),
  };
}

export async function writeScanPdf(
  sides: readonly ScannedSide[],
  options: ShapeOptions,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const a3Rotate = pageFormat(options, true).rotate;
  const inherited = options.inheritRotate && a3Rotate !== 0 ? a3Rotate : 0;
  if (inherited !== 0) doc.catalog.Pages().set(PDFName.of('Rotate'), PDFNumber.of(inherited));
  for (const side of sides) {
    const format = pageFormat(options, side.scene.pages.length === 2);
    const page = doc.addPage([format.stored.width, format.stored.height]);
    if (format.rotate !== inherited) page.node.set(PDFName.of('Rotate'), PDFNumber.of(format.rotate));
    const painter =
      options.shape === 'jpeg' ? paintJpeg : options.shape === 'compact' ? paintCompact : paintBilevel;
    await painter(doc, page, side, format, options.dpi);
  }
  return doc.save({ useObjectStreams: false });
}

type Painter = (
  doc: PDFDocument,
  page: PDFPage,
  side: ScannedSide,
  format: PageFormat,
  dpi: number,
) => Promise<void>;

type StreamDict = NonNullable<Parameters<PDFContext['stream']>[1]>;

function register(doc: PDFDocument, bytes: Uint8Array, dict: StreamDict): PDFRef {
  return doc.context.register(doc.context.stream(bytes, dict));
}

function setContent(doc: PDFDocument, page: PDFPage, xObjects: [string, PDFRef][], operators: string): void {
  for (const [name, ref] of xObjects) page.node.setXObject(PDFName.of(name), ref);
  const content = register(doc, deflateSync(Buffer.from(operators, 'latin1')), { Filter: 'FlateDecode' });
  page.node.set(PDFName.of('Contents'), content);
}

function fullPage(format: PageFormat, name: string): string {
  return `q ${format.stored.width} 0 0 ${format.stored.height} 0 0 cm /${name} Do Q\n`;
}

/** The displayed side, rendered and turned to the stored orientation, as a JPEG. */
async function storedJpeg(
  side: ScannedSide,
  format: PageFormat,
  dpi: number,
  withInk: boolean,
  quality: number,
) {
  const size = pixelSize(displayedSize(format.stored, format.rotate), dpi);
  const raw = await renderSide(side.scene, size, withInk);
  const { data, info } = await sharp(raw, { raw: { width: size.width, height: size.height, channels: 3 } })
    .rotate(storageTurn(format.rotate))
    .jpeg({ quality })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const paintJpeg: Painter = async (doc, page, side, format, dpi) => {
  const jpeg = await storedJpeg(side, format, dpi, true, JPEG_QUALITY);
  const image = register(doc, jpeg.data, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: jpeg.width,
    Height: jpeg.height,
    ColorSpace: 'DeviceRGB',
    BitsPerComponent: 8,
    Filter: 'DCTDecode',
  });
  setContent(doc, page, [['Im0', image]], fullPage(format, 'Im0'));
};

const paintBilevel: Painter = async (doc, page, side, format, dpi) => {
  const size = pixelSize(displayedSize(format.stored, format.rotate), dpi);
  const ink = threshold(await renderSide(side.scene, size, true));
  const stored = rotatePixels(ink, size.width, size.height, storageTurn(format.rotate));
  // DeviceGray at 1 bit: 0 is black, so ink is written as 0.
  const bits = packBits(stored.pixels, stored.width, stored.height, 0);
  const image = register(doc, deflateSync(bits), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: stored.width,
    Height: stored.height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 1,
    Filter: 'FlateDecode',
  });
  setContent(doc, page, [['Im0', image]], fullPage(format, 'Im0'));
};

/**
 * The copier's mixed raster content: the paper as a half-resolution JPEG, and every element of ink as its
 * own full-resolution stencil painted in its colour. Real copiers encode the stencils in CCITT G4; a JS G4
 * encoder is out of scope, so they are FlateDecode here (same structure, bigger bytes).
 */
const paintCompact: Painter = async (doc, page, side, format, dpi) => {
  const background = await storedJpeg(side, format, dpi / 2, false, BACKGROUND_QUALITY);
  const backgroundRef = register(
    doc,
    side.deflateBackground ? deflateSync(background.data) : background.data,
    {
      Type: 'XObject',
      Subtype: 'Image',
      Width: background.width,
      Height: background.height,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
      Filter: side.deflateBackground ? ['FlateDecode', 'DCTDecode'] : 'DCTDecode',
    },
  );
  const displayed = displayedSize(format.stored, format.rotate);
  const size = pixelSize(displayed, dpi);
  const ptPerPx = { x: displayed.width / size.width, y: displayed.height / size.height };
  const xObjects: [string, PDFRef][] = [['Bg', backgroundRef]];
  let operators = fullPage(format, 'Bg');
  const masks = await renderMasks(side.scene, size);
  masks.forEach((mask, i) => {
    const stored = rotatePixels(mask.ink, mask.width, mask.height, storageTurn(format.rotate));
    // An /ImageMask paints where its sample is 0.
    const bits = packBits(stored.pixels, stored.width, stored.height, 0);
    const name = `M${i + 1}`;
    xObjects.push([
      name,
      register(doc, deflateSync(bits), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: stored.width,
        Height: stored.height,
        ImageMask: true,
        BitsPerComponent: 1,
        Filter: 'FlateDecode',
      }),
    ]);
    const at = storedRect(
      {
        x: mask.x * ptPerPx.x,
        y: mask.y * ptPerPx.y,
        width: mask.width * ptPerPx.x,
        height: mask.height * ptPerPx.y,
      },
      format.rotate,
      format.stored,
    );
    const [r, g, b] = mask.color.map((c) => (c / 255).toFixed(3));
    operators += `q ${r} ${g} ${b} rg ${n(at.width)} 0 0 ${n(at.height)} ${n(at.x)} ${n(at.y)} cm /${name} Do Q\n`;
  });
  setContent(doc, page, xObjects, operators);
};

function n(value: number): string {
  return value.toFixed(3);
}
