// A machine-readable tag on every logical page, encoding its TruthPage.id, so tests can prove which page
// an output really shows. Drawn in the bottom-left margin, clear of the header, the body and the page box:
//
//   ███████████████████████████████████████   reference bar: gives position, length and skew
//   █ ▪ ▪   ▪ ▪ ▪     ▪   ▪   ▪ ▪  ▪      █   start cell, 12 id bits (MSB first), even parity, end cell
//
// The reader knows nothing but that the image is an A4 page as displayed, so it finds the bar itself.
import { A4_MM, type Rect } from './sheet-layout';
import { TAG_BLACK, css, mm, type Element } from './scene';

const CELL_MM = 3.5;
const ID_BITS = 12;
const CELLS = ID_BITS + 3;
const BAR_GAP_MM = 1.5;
const ORIGIN = { x: 14, y: 279 } as const;

export const PAGE_TAG_MAX_ID = 2 ** ID_BITS - 1;
export const PAGE_TAG_AREA: Rect = {
  x: ORIGIN.x,
  y: ORIGIN.y,
  width: CELLS * CELL_MM,
  height: 2 * CELL_MM + BAR_GAP_MM,
};

/** Cell values of the data row. */
function encode(id: number): number[] {
  const bits = Array.from({ length: ID_BITS }, (_, i) => (id >> (ID_BITS - 1 - i)) & 1);
  const parity = bits.reduce((a, b) => a + b, 0) % 2;
  return [1, ...bits, parity, 1];
}

export function pageTagElement(id: number): Element {
  if (!Number.isInteger(id) || id < 1 || id > PAGE_TAG_MAX_ID) {
    throw new Error(`page tag id ${id} is outside 1..${PAGE_TAG_MAX_ID}`);
  }
  const fill = css(TAG_BLACK);
  const rowY = ORIGIN.y + CELL_MM + BAR_GAP_MM;
  const cells = encode(id)
    .map((on, i) =>
      on
        ? `<rect x="${mm(ORIGIN.x + i * CELL_MM)}" y="${mm(rowY)}" width="${CELL_MM}" height="${CELL_MM}"/>`
        : '',
    )
    .join('');
  const bar = `<rect x="${ORIGIN.x}" y="${ORIGIN.y}" width="${mm(CELLS * CELL_MM)}" height="${CELL_MM}"/>`;
  return { svg: `<g fill="${fill}">${bar}${cells}</g>`, box: PAGE_TAG_AREA, color: TAG_BLACK };
}

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** Where the reader looks, in page millimetres: wide enough for ±1° of skew about the A3 side's centre. */
const SEARCH = { x0: 0, x1: 105, y0: 264, y1: A4_MM.height } as const;
const DARK_LUMINANCE = 110;
const PAPER_LUMINANCE = 200;
const MAX_SLOPE = Math.tan((3 * Math.PI) / 180);

/**
 * Decodes the tag of an A4 portrait page rendered as displayed (any dpi from ~30), or null when there is
 * none, it is unreadable, or the page is not upright (a landscape or upside-down page has no tag there).
 */
export function readPageTag(image: RgbaImage): number | null {
  if (image.width >= image.height) return null;
  const sx = image.width / A4_MM.width;
  const sy = image.height / A4_MM.height;
  const left = Math.floor(SEARCH.x0 * sx);
  const top = Math.floor(SEARCH.y0 * sy);
  const width = Math.ceil(SEARCH.x1 * sx) - left;
  const height = image.height - top;
  const ink = inkMap(image, left, top, width, height);
  const labels = Int32Array.from(ink, (value) => (value >= 1 ? 1 : 0));
  const components = labelComponents(labels, width, height);
  const tagLength = CELLS * CELL_MM * sx;
  const candidates = components
    .filter((c) => {
      const w = c.maxX - c.minX + 1;
      const h = c.maxY - c.minY + 1;
      return (
        w > tagLength * 0.88 &&
        w < tagLength * 1.1 &&
        h > CELL_MM * sy * 0.6 &&
        h < PAGE_TAG_AREA.height * sy * 1.6
      );
    })
    .sort((a, b) => Math.abs(a.maxX - a.minX - tagLength) - Math.abs(b.maxX - b.minX - tagLength));
  for (const candidate of candidates) {
    const id = decodeAt(labels, ink, width, candidate, sy);
    if (id !== null) return id;
  }
  return null;
}

/**
 * How inked each pixel is, 0..1: fully at or below DARK_LUMINANCE, partly for the grey pixels antialiasing
 * leaves along a cell's edges (at 30 dpi a cell is only 4 pixels wide, and those edges matter).
 */
function inkMap(image: RgbaImage, left: number, top: number, width: number, height: number): Float32Array {
  const ink = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = ((top + y) * image.width + left + x) * 4;
      const luminance =
        0.299 * (image.data[i] ?? 255) +
        0.587 * (image.data[i + 1] ?? 255) +
        0.114 * (image.data[i + 2] ?? 255);
      ink[y * width + x] = Math.min(
        1,
        Math.max(0, (PAPER_LUMINANCE - luminance) / (PAPER_LUMINANCE - DARK_LUMINANCE)),
      );
    }
  }
  return ink;
}

interface Component {
  label: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** 8-connected components of the fully inked pixels; rewrites `mask` in place with their labels (2, 3, ...). */
function labelComponents(mask: Int32Array, width: number, height: number): Component[] {
  const components: Component[] = [];
  const stack: number[] = [];
  let label = 2;
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1) continue;
    const c: Component = { label, minX: width, maxX: -1, minY: height, maxY: -1 };
    mask[start] = label;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() as number;
      const x = p % width;
      const y = (p - x) / width;
      c.minX = Math.min(c.minX, x);
      c.maxX = Math.max(c.maxX, x);
      c.minY = Math.min(c.minY, y);
      c.maxY = Math.max(c.maxY, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const q = ny * width + nx;
          if (mask[q] === 1) {
            mask[q] = label;
            stack.push(q);
          }
        }
      }
    }
    components.push(c);
    label++;
  }
  return components;
}

function decodeAt(
  labels: Int32Array,
  ink: Float32Array,
  width: number,
  c: Component,
  sy: number,
): number | null {
  // The bar's top edge, fitted over the middle columns (the ends are rounded by antialiasing).
  const span = c.maxX - c.minX + 1;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let x = c.minX + Math.floor(span * 0.1); x <= c.maxX - Math.floor(span * 0.1); x++) {
    for (let y = c.minY; y <= c.maxY; y++) {
      if (labels[y * width + x] === c.label) {
        xs.push(x);
        ys.push(y);
        break;
      }
    }
  }
  const top = fitLine(xs, ys);
  if (top === null || Math.abs(top.slope) > MAX_SLOPE) return null;
  const cellWidth = span / CELLS;
  const inkAround = (x0: number, y0: number, radius: number): number => {
    let sum = 0;
    let count = 0;
    for (let y = Math.round(y0) - radius; y <= Math.round(y0) + radius; y++) {
      for (let x = Math.round(x0) - radius; x <= Math.round(x0) + radius; x++) {
        count++;
        if (x >= 0 && x < width) sum += ink[y * width + x] ?? 0;
      }
    }
    return sum / count;
  };
  const radius = Math.max(1, Math.round(cellWidth * 0.25));
  const barCentre = (CELL_MM / 2) * sy;
  for (let i = 0; i < CELLS; i++) {
    const x = c.minX + (i + 0.5) * cellWidth;
    if (inkAround(x, top.at(x) + barCentre, radius) < 0.5) return null;
  }
  // The data row is found, not assumed: its first and last cells are always inked, and their centres
  // (found by weight) fix where the row runs even when a low dpi shifts it by a pixel.
  const first = rowCentre(ink, width, c.minX, cellWidth, top.at(c.minX), sy);
  const last = rowCentre(ink, width, c.maxX + 1 - cellWidth, cellWidth, top.at(c.maxX), sy);
  if (first === null || last === null) return null;
  const cells: number[] = [];
  for (let i = 0; i < CELLS; i++) {
    const t = i / (CELLS - 1);
    const x = first.x + t * (last.x - first.x);
    const y = first.y + t * (last.y - first.y);
    cells.push(inkAround(x, y, radius) >= 0.5 ? 1 : 0);
  }
  const bits = cells.slice(1, 1 + ID_BITS);
  const id = bits.reduce((value, bit) => value * 2 + bit, 0);
  const valid = encode(id).every((cell, i) => cell === cells[i]);
  return valid && id > 0 ? id : null;
}

/** Ink-weighted centre of one always-inked cell of the data row, below the bar's top edge at `barTop`. */
function rowCentre(
  ink: Float32Array,
  width: number,
  left: number,
  cellWidth: number,
  barTop: number,
  sy: number,
): { x: number; y: number } | null {
  const y0 = Math.round(barTop + (CELL_MM + BAR_GAP_MM / 2) * sy);
  const y1 = Math.round(barTop + (2 * CELL_MM + BAR_GAP_MM * 1.5) * sy);
  let sum = 0;
  let sumX = 0;
  let sumY = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = Math.round(left); x < Math.round(left + cellWidth); x++) {
      const value = x >= 0 && x < width ? (ink[y * width + x] ?? 0) : 0;
      sum += value;
      sumX += value * x;
      sumY += value * y;
    }
  }
  return sum < cellWidth ? null : { x: sumX / sum, y: sumY / sum };
}

function fitLine(xs: number[], ys: number[]): { slope: number; at: (x: number) => number } | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    sxx += ((xs[i] as number) - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, at: (x) => my + slope * (x - mx) };
}
