// The drawing model: a page is a list of elements, each an SVG fragment in page millimetres with its own
// ink colour. Raster shapes paint them all into one image; the copier shape turns each into its own stencil.
import type { Rect } from './sheet-layout';

export type Rgb = readonly [number, number, number];

export interface Element {
  /** SVG markup in page millimetres (origin at the page's top-left corner). */
  svg: string;
  /** Bounds in page millimetres, generous: the element's stencil is cropped to its ink afterwards. */
  box: Rect;
  color: Rgb;
}

export const PRINT_BLACK: Rgb = [35, 35, 38];
export const PRINT_GREY: Rgb = [105, 105, 110];
export const HATCH_GREY: Rgb = [150, 150, 155];
export const TAG_BLACK: Rgb = [15, 15, 15];

const PRINT_FONT = 'DejaVu Sans';

export function css(color: Rgb): string {
  return `rgb(${color[0]},${color[1]},${color[2]})`;
}

/** Millimetres with 2 decimals: short SVG, and the same string on every run. */
export function mm(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Printed (not handwritten) text. */
export function printedText(
  text: string,
  x: number,
  baseline: number,
  size: number,
  color: Rgb,
  style: { bold?: boolean; italic?: boolean; anchor?: 'start' | 'middle' } = {},
): Element {
  const weight = style.bold ? ' font-weight="bold"' : '';
  const italic = style.italic ? ' font-style="italic"' : '';
  const anchor = style.anchor === 'middle' ? ' text-anchor="middle"' : '';
  // DejaVu Sans capitals and accents are ~0.7 em wide at most.
  const width = text.length * size * 0.7;
  const left = style.anchor === 'middle' ? x - width / 2 : x;
  return {
    svg:
      `<text x="${mm(x)}" y="${mm(baseline)}" font-family="${PRINT_FONT}" font-size="${mm(size)}"` +
      `${weight}${italic}${anchor} fill="${css(color)}">${escapeXml(text)}</text>`,
    box: { x: left - 1, y: baseline - size * 1.1, width: width + 2, height: size * 1.5 },
    color,
  };
}
