// What the quality report needs of an image, read from its dictionary alone (never its data): its size in
// pixels, whether it is a stencil (an ink layer painted through 1-bit samples), and its colour mode.
import { PDFArray, PDFBool, PDFDict, PDFName, PDFNumber, PDFRef, PDFStream } from 'pdf-lib';
import type { PDFContext, PDFObject } from 'pdf-lib';
import type { ColourMode } from '../../manifest';
import type { Operand } from './content-operations';

export interface ImageInfo {
  /** Pixels across and down. */
  width: number;
  height: number;
  /** An /ImageMask: a 1-bit stencil painted in the fill colour, the ink layer of compact copier PDFs. */
  stencil: boolean;
  /** Undefined when the dictionary does not say (a JPEG 2000 image carries its colour space inside). */
  colour: ColourMode | undefined;
  /** An explicit /Mask image shaping this one: a stencil of its own resolution over the same square. */
  mask?: { width: number; height: number };
}

type Family = 'colour' | 'grey' | undefined;

/** Made once: PDFName.of decodes its argument on every call, and images number in thousands per batch. */
const NAMES = {
  Width: PDFName.of('Width'),
  Height: PDFName.of('Height'),
  ImageMask: PDFName.of('ImageMask'),
  ColorSpace: PDFName.of('ColorSpace'),
  BitsPerComponent: PDFName.of('BitsPerComponent'),
  Mask: PDFName.of('Mask'),
  N: PDFName.of('N'),
};

const FAMILIES: Record<string, Family> = {
  '/DeviceRGB': 'colour',
  '/RGB': 'colour',
  '/CalRGB': 'colour',
  '/Lab': 'colour',
  '/DeviceCMYK': 'colour',
  '/CMYK': 'colour',
  '/DeviceGray': 'grey',
  '/G': 'grey',
  '/CalGray': 'grey',
  // One colorant: whatever its ink, the image is a single channel of tones.
  '/Separation': 'grey',
};

const lookup = (context: PDFContext, value: PDFObject | undefined) =>
  value instanceof PDFRef ? context.lookup(value) : value;

function numberOf(context: PDFContext, value: PDFObject | undefined): number | undefined {
  const number = lookup(context, value);
  return number instanceof PDFNumber ? number.asNumber() : undefined;
}

function colourMode(family: Family, bits: number | undefined, stencil: boolean): ColourMode | undefined {
  if (stencil || (family === 'grey' && bits === 1)) return 'bilevel';
  return family;
}

/** An image XObject, or undefined when its size is missing (such an image cannot be drawn at all). */
export function readImageXObject(
  context: PDFContext,
  stream: PDFStream,
  resources: PDFDict | undefined,
): ImageInfo | undefined {
  const { dict } = stream;
  const width = numberOf(context, dict.get(NAMES.Width));
  const height = numberOf(context, dict.get(NAMES.Height));
  if (!width || !height) return undefined;
  const stencil = lookup(context, dict.get(NAMES.ImageMask)) === PDFBool.True;
  const family = pdfFamily(context, dict.get(NAMES.ColorSpace), resources);
  const bits = numberOf(context, dict.get(NAMES.BitsPerComponent));
  const info: ImageInfo = { width, height, stencil, colour: colourMode(family, bits, stencil) };
  // A /Mask array is colour-key masking (no image of its own); a /SMask is transparency, not ink.
  const mask = lookup(context, dict.get(NAMES.Mask));
  if (mask instanceof PDFStream) {
    const maskWidth = numberOf(context, mask.dict.get(NAMES.Width));
    const maskHeight = numberOf(context, mask.dict.get(NAMES.Height));
    if (maskWidth && maskHeight) info.mask = { width: maskWidth, height: maskHeight };
  }
  return info;
}

function pdfFamily(
  context: PDFContext,
  value: PDFObject | undefined,
  resources: PDFDict | undefined,
  depth = 0,
): Family {
  const space = lookup(context, value);
  if (space instanceof PDFName) return nameFamily(context, space.asString(), resources, depth);
  if (!(space instanceof PDFArray) || space.size() === 0) return undefined;
  const head = lookup(context, space.get(0));
  const kind = head instanceof PDFName ? head.asString() : '';
  if (kind === '/ICCBased') {
    const profile = lookup(context, space.get(1));
    if (!(profile instanceof PDFStream)) return undefined;
    return numberOf(context, profile.dict.get(NAMES.N)) === 1 ? 'grey' : 'colour';
  }
  if (kind === '/Indexed' || kind === '/I') return pdfFamily(context, space.get(1), resources, depth + 1);
  if (kind === '/DeviceN') {
    const colorants = lookup(context, space.get(1));
    return colorants instanceof PDFArray && colorants.size() === 1 ? 'grey' : 'colour';
  }
  return FAMILIES[kind];
}

/** A device family, or a colour space named in the resources (looked up a few levels deep at most). */
function nameFamily(
  context: PDFContext,
  name: string,
  resources: PDFDict | undefined,
  depth: number,
): Family {
  if (name in FAMILIES) return FAMILIES[name];
  if (depth > 4 || !resources) return undefined;
  const spaces = lookup(context, resources.get(NAMES.ColorSpace));
  if (!(spaces instanceof PDFDict)) return undefined;
  return pdfFamily(context, spaces.get(PDFName.of(name.slice(1))), resources, depth + 1);
}

const INLINE_KEYS: Record<string, string> = {
  W: 'Width',
  H: 'Height',
  IM: 'ImageMask',
  BPC: 'BitsPerComponent',
  CS: 'ColorSpace',
};

/** An inline image (BI … ID … EI), from the entries between BI and ID. */
export function readInlineImage(
  context: PDFContext,
  entries: readonly Operand[],
  resources: PDFDict | undefined,
): ImageInfo | undefined {
  const values = new Map<string, Operand>();
  for (let k = 0; k + 1 < entries.length; k += 2) {
    const key = entries[k];
    if (typeof key === 'string') values.set(INLINE_KEYS[key.slice(1)] ?? key.slice(1), entries[k + 1]!);
  }
  const width = values.get('Width');
  const height = values.get('Height');
  if (typeof width !== 'number' || typeof height !== 'number' || !width || !height) return undefined;
  const stencil = values.get('ImageMask') === true;
  const bits = values.get('BitsPerComponent');
  const family = inlineFamily(context, values.get('ColorSpace'), resources);
  return {
    width,
    height,
    stencil,
    colour: colourMode(family, typeof bits === 'number' ? bits : undefined, stencil),
  };
}

function inlineFamily(
  context: PDFContext,
  space: Operand | undefined,
  resources: PDFDict | undefined,
): Family {
  if (typeof space === 'string') return nameFamily(context, space, resources, 0);
  // The only array an inline image may hold is an indexed space: [/I base hival lookup].
  if (Array.isArray(space) && (space[0] === '/I' || space[0] === '/Indexed')) {
    return inlineFamily(context, space[1], resources);
  }
  return undefined;
}
