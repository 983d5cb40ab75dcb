// Handwriting-like ink: a handwriting font per student, in blue or black, with the irregularities real
// writers have (off-centre capitals touching their box, size and angle varying from letter to letter).
import { ADVANCE_CHARS, FONT_ADVANCES } from './font-metrics';
import type { Random } from './random';
import { css, escapeXml, mm, type Element, type Rgb } from './scene';
import type { Rect } from './sheet-layout';

/** fontconfig family names of the handwriting fonts the test machines install. */
export const HANDWRITING_FONTS: readonly string[] = [
  'Humor Sans',
  'Comic Neue',
  'Breip',
  'femkeklaver',
  'Dancing Script',
  'Klee One',
];

/** Capital height of each font, in em (measured like font-metrics.ts). */
const CAP_HEIGHT: Readonly<Record<string, number>> = {
  'Humor Sans': 0.78,
  'Comic Neue': 0.72,
  Breip: 0.8,
  femkeklaver: 0.73,
  'Dancing Script': 0.85,
  'Klee One': 0.75,
};
const DEFAULT_CAP_HEIGHT = 0.75;
const DEFAULT_ADVANCE = 0.6;

const INKS: readonly Rgb[] = [
  [20, 45, 150],
  [30, 60, 175],
  [22, 32, 110],
  [28, 28, 34],
  [15, 15, 20],
];

export interface Writer {
  font: string;
  color: Rgb;
  /** Body text size (em), mm. */
  size: number;
  /** Stroke added around glyphs for a heavier pen, mm. */
  pen: number;
  /** Letter slant, degrees (positive leans right). */
  slant: number;
  /** 0 tidy … 1 messy: scales every jitter. */
  messiness: number;
  /** Distance between body lines, mm. */
  linePitch: number;
}

export function drawWriter(rng: Random, fonts: readonly string[]): Writer {
  const size = rng.range(4.2, 5.6);
  return {
    font: rng.pick(fonts),
    color: rng.pick(INKS),
    size,
    pen: rng.range(0.05, 0.22),
    slant: rng.range(-4, 8),
    messiness: rng.range(0.2, 1),
    linePitch: size * rng.range(1.55, 1.9),
  };
}

/** Width of `text` in the writer's font, in em. */
function advance(writer: Writer, text: string): number {
  const font = FONT_ADVANCES[writer.font];
  let width = 0;
  for (const char of text) {
    const index = ADVANCE_CHARS.indexOf(char);
    const measured = char === ' ' ? font?.space : index >= 0 ? font?.chars[index] : undefined;
    width += measured ? measured / 100 : DEFAULT_ADVANCE;
  }
  return width;
}

function inkGroup(writer: Writer, body: string, fontSize?: number): string {
  const color = css(writer.color);
  const size = fontSize === undefined ? '' : ` font-size="${mm(fontSize)}"`;
  return (
    `<g font-family="${writer.font}"${size} fill="${color}" stroke="${color}"` +
    ` stroke-width="${mm(writer.pen)}" stroke-linejoin="round">${body}</g>`
  );
}

/**
 * One string per box, written the way students fill comb boxes: centred by eye, not by ruler. Empty
 * strings leave their box empty; a string of several characters (a "12" page count) is squeezed in.
 */
export function boxedText(
  writer: Writer,
  rng: Random,
  cells: readonly string[],
  boxes: readonly Rect[],
): Element | null {
  const jitter = 0.5 + writer.messiness;
  const capHeight = CAP_HEIGHT[writer.font] ?? DEFAULT_CAP_HEIGHT;
  let body = '';
  cells.forEach((text, i) => {
    const box = boxes[i];
    if (text.trim() === '' || box === undefined) return;
    const capMm = box.height * rng.range(0.55, 0.88);
    const fontSize = Math.min(capMm / capHeight, (box.width * 0.95) / advance(writer, text));
    const cx = box.x + box.width / 2 + clamp(rng.gaussian() * 0.1 * jitter, -0.3, 0.3) * box.width;
    const baseline =
      box.y +
      (box.height + fontSize * capHeight) / 2 +
      clamp(rng.gaussian() * 0.08 * jitter, -0.2, 0.2) * box.height;
    const angle = rng.gaussian() * 4 * jitter;
    body +=
      `<text transform="translate(${mm(cx)} ${mm(baseline)}) rotate(${mm(angle)}) skewX(${mm(-writer.slant)})"` +
      ` font-size="${mm(fontSize)}" text-anchor="middle">${escapeXml(text)}</text>`;
  });
  if (body === '') return null;
  const first = boxes[0] as Rect;
  const last = boxes[Math.min(cells.length, boxes.length) - 1] as Rect;
  return {
    svg: inkGroup(writer, body),
    box: {
      x: first.x - first.width * 0.6,
      y: first.y - first.height * 0.6,
      width: last.x + last.width * 1.6 - first.x,
      height: first.height * 2.2,
    },
    color: writer.color,
  };
}

/** Width of handwritten text at the writer's body size, mm. */
export function textWidth(writer: Writer, text: string): number {
  return advance(writer, text) * writer.size;
}

/** A gap between words, mm: a space, give or take. */
export function wordGap(writer: Writer, rng: Random): number {
  return advance(writer, ' ') * writer.size * rng.range(0.9, 1.5);
}

/**
 * Words written on one line from `x`, each with its own small drift in height and angle; `endX` is where
 * the next word would start.
 */
export function handwrittenRun(
  writer: Writer,
  rng: Random,
  words: readonly string[],
  x: number,
  baseline: number,
): { element: Element; endX: number } {
  const jitter = 0.5 + writer.messiness;
  let cursor = x;
  let body = '';
  for (const word of words) {
    const y = baseline + rng.gaussian() * 0.2 * jitter;
    const angle = rng.gaussian() * 1.2 * jitter;
    body +=
      `<text transform="translate(${mm(cursor)} ${mm(y)}) rotate(${mm(angle)}) skewX(${mm(-writer.slant)})">` +
      `${escapeXml(word)}</text>`;
    cursor += textWidth(writer, word) + wordGap(writer, rng);
  }
  const width = cursor - x;
  const element = {
    svg: inkGroup(writer, body, writer.size),
    box: {
      x: x - 2,
      y: baseline - writer.size * 1.2 - 1,
      width: width * 1.3 + 4,
      height: writer.size * 1.9 + 2,
    },
    color: writer.color,
  };
  return { element, endX: cursor };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
