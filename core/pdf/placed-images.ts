// The images a page draws, in order, each with its transform and the fill colour it would be painted in
// (which an /ImageMask is), when the page draws nothing but images. A scanner's page is one image; a
// copier's compact page is a background and its ink masks. Anything else on the page (text, paths, forms,
// inline images, colour spaces, graphics states) returns undefined: such a page is rendered.
import { PDFRawStream } from 'pdf-lib';
import type { PDFPageLeaf } from 'pdf-lib';
import { readContent, type Operand } from './quality/content-operations';
import {
  IDENTITY,
  asMatrix,
  findXObject,
  multiply,
  pageContent,
  type Matrix,
} from './quality/image-placements';

/** Red, green and blue, 0..255. */
export type Colour = [number, number, number];

export interface PlacedImage {
  image: PDFRawStream;
  ctm: Matrix;
  fill: Colour;
}

const BLACK: Colour = [0, 0, 0];
/** Stroke colours change nothing on a page without paths. */
const HARMLESS = new Set(['G', 'RG', 'K']);

const level = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 255);

/** The colour a g, rg or k operator sets (DeviceCMYK by the PDF specification's own formula). */
function fillColour(operator: string, operands: Operand[]): Colour | undefined {
  const values = operands.filter((value): value is number => typeof value === 'number');
  if (values.length !== operands.length) return undefined;
  if (operator === 'g' && values.length === 1)
    return [level(values[0]!), level(values[0]!), level(values[0]!)];
  if (operator === 'rg' && values.length === 3) return values.map(level) as Colour;
  if (operator === 'k' && values.length === 4) {
    const black = values[3]!;
    return values.slice(0, 3).map((value) => level(1 - Math.min(1, value + black))) as Colour;
  }
  return undefined;
}

export function placedImages(page: PDFPageLeaf): PlacedImage[] | undefined {
  const { bytes, resources } = pageContent(page);
  let state = { ctm: IDENTITY, fill: BLACK };
  const saved: (typeof state)[] = [];
  const drawn: { name: string; ctm: Matrix; fill: Colour }[] = [];
  let other = false;
  readContent(bytes, {
    operation(operator, operands) {
      if (other || HARMLESS.has(operator)) return;
      if (operator === 'q') saved.push(state);
      else if (operator === 'Q') state = saved.pop() ?? state;
      else if (operator === 'cm') {
        const matrix = asMatrix(operands);
        if (matrix) state = { ...state, ctm: multiply(matrix, state.ctm) };
        else other = true;
      } else if (operator === 'g' || operator === 'rg' || operator === 'k') {
        const fill = fillColour(operator, operands);
        if (fill) state = { ...state, fill };
        else other = true;
      } else if (operator === 'Do' && typeof operands[0] === 'string') {
        drawn.push({ name: operands[0], ...state });
      } else other = true;
    },
    inlineImage() {
      other = true;
    },
  });
  if (other) return undefined;
  const placed: PlacedImage[] = [];
  for (const { name, ctm, fill } of drawn) {
    const image = findXObject(page.context, resources, name);
    // Whether it is an image, and one sharp can decode, is for the caller to say.
    if (!(image instanceof PDFRawStream)) return undefined;
    placed.push({ image, ctm, fill });
  }
  return placed;
}
