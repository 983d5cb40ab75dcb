// Turns a scanned side (paper on the glass, slightly skewed, its pages' elements) into pixels: one full
// image for the raster shapes, or a paper-only background plus one 1-bit stencil per element for the copier.
import sharp from 'sharp';
import { Random } from './random';
import { css, mm, type Element, type Rgb } from './scene';
import { A4_MM, type Rect } from './sheet-layout';

export interface SideScene {
  /** Displayed paper size, mm: A3 landscape (two pages) or A4 portrait (one page). */
  widthMm: number;
  heightMm: number;
  /** The A4 pages side by side, left to right, as element lists. */
  pages: Element[][];
  /** How the paper lies on the glass: clockwise rotation (degrees) about its centre, then a shift (mm). */
  skew: number;
  shiftX: number;
  shiftY: number;
  /** Seeds the paper tone, dust and sensor noise. */
  seed: number;
}

export interface PixelSize {
  width: number;
  height: number;
}

export interface InkMask {
  /** Position and size in the displayed side raster, pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** One byte per pixel, 1 where the element has ink, rows top to bottom. */
  ink: Uint8Array;
  color: Rgb;
}

const LID: Rgb = [250, 250, 248];

function paperTransform(scene: SideScene): string {
  const cx = scene.widthMm / 2;
  const cy = scene.heightMm / 2;
  return `translate(${mm(scene.shiftX)} ${mm(scene.shiftY)}) rotate(${scene.skew.toFixed(4)} ${mm(cx)} ${mm(cy)})`;
}

/** Where a paper point (mm) lands on the glass (mm), as paperTransform does it. */
function onGlass(scene: SideScene, x: number, y: number): [number, number] {
  const cx = scene.widthMm / 2;
  const cy = scene.heightMm / 2;
  const a = (scene.skew * Math.PI) / 180;
  const dx = x - cx;
  const dy = y - cy;
  return [
    cx + dx * Math.cos(a) - dy * Math.sin(a) + scene.shiftX,
    cy + dx * Math.sin(a) + dy * Math.cos(a) + scene.shiftY,
  ];
}

/** Elements of the page at `offsetX` (mm from the side's left edge), in side coordinates. */
function placed(offsetX: number, elements: readonly Element[]): string {
  return `<g transform="translate(${offsetX} 0)">${elements.map((e) => e.svg).join('')}</g>`;
}

function pagesSvg(scene: SideScene): string {
  return scene.pages.map((elements, i) => placed(i * A4_MM.width, elements)).join('');
}

/** Paper with its tone, the fold's shadow on an A3 sheet, and a little dust; optionally the ink too. */
function sideSvg(scene: SideScene, size: PixelSize, withInk: boolean): string {
  const rng = new Random(scene.seed);
  const tone = 244 + rng.int(-3, 3);
  const paper: Rgb = [tone, tone - 1 - rng.int(0, 2), tone - 5 - rng.int(0, 3)];
  const { widthMm: w, heightMm: h } = scene;
  const fold =
    scene.pages.length === 2
      ? `<rect x="${w / 2 - 1.2}" y="0" width="2.4" height="${h}" fill="black" opacity="0.035"/>` +
        `<line x1="${w / 2}" y1="0" x2="${w / 2}" y2="${h}" stroke="black" stroke-width="0.15" opacity="0.12"/>`
      : '';
  const dust = Array.from({ length: rng.int(0, 6) }, () => {
    const r = rng.range(0.08, 0.25);
    return `<circle cx="${mm(rng.range(0, w))}" cy="${mm(rng.range(0, h))}" r="${mm(r)}" fill="rgb(60,60,60)"/>`;
  }).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="${w}" height="${h}" fill="${css(LID)}"/>` +
    `<g transform="${paperTransform(scene)}"><rect width="${w}" height="${h}" fill="${css(paper)}"/>${fold}` +
    `${withInk ? pagesSvg(scene) : ''}</g>${dust}</svg>`
  );
}

/** The side as a scanner sees it: RGB, 3 bytes per pixel, unevenly lit, with sensor noise. */
export async function renderSide(scene: SideScene, size: PixelSize, withInk: boolean): Promise<Buffer> {
  const raw = await sharp(Buffer.from(sideSvg(scene, size, withInk)))
    .removeAlpha()
    .raw()
    .toBuffer();
  addLightAndNoise(raw, size, scene.seed);
  return raw;
}

/**
 * The lamp's falloff (a few levels darker towards the corners) and light per-pixel noise. The noise comes
 * from a seeded xorshift: a side has millions of pixels, too many for the generator's Random to be cheap,
 * and the same seed must still give the same bytes. (Done here, not as an SVG gradient: 4× faster.)
 */
function addLightAndNoise(raw: Buffer, size: PixelSize, seed: number): void {
  const amplitude = 3;
  const falloff = 7;
  let state = seed >>> 0 || 1;
  for (let y = 0; y < size.height; y++) {
    const dy = (2 * y) / size.height - 1;
    for (let x = 0; x < size.width; x++) {
      const dx = (2 * x) / size.width - 1;
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const shift =
        ((state >>> 0) % (2 * amplitude + 1)) - amplitude - Math.round((falloff * (dx * dx + dy * dy)) / 2);
      const i = (y * size.width + x) * 3;
      for (let c = 0; c < 3; c++) raw[i + c] = Math.min(255, Math.max(0, (raw[i + c] as number) + shift));
    }
  }
}

/** Grey levels to 1 bit (1 = ink), as a black-and-white scanner's fixed threshold does. */
export function threshold(rgb: Buffer, level = 150): Uint8Array {
  const out = new Uint8Array(rgb.length / 3);
  for (let p = 0; p < out.length; p++) {
    const i = p * 3;
    const luminance =
      0.299 * (rgb[i] as number) + 0.587 * (rgb[i + 1] as number) + 0.114 * (rgb[i + 2] as number);
    out[p] = luminance < level ? 1 : 0;
  }
  return out;
}

/** One stencil per element, each rendered alone in its own crop of the side raster, trimmed to its ink. */
export async function renderMasks(scene: SideScene, size: PixelSize): Promise<InkMask[]> {
  const elements = scene.pages.flatMap((page, i) =>
    page.map((element) => ({ element, offsetX: i * A4_MM.width })),
  );
  const masks = await Promise.all(
    elements.map(({ element, offsetX }) => renderMask(scene, size, element, offsetX)),
  );
  return masks.filter((m): m is InkMask => m !== null);
}

async function renderMask(
  scene: SideScene,
  size: PixelSize,
  element: Element,
  offsetX: number,
): Promise<InkMask | null> {
  const pxPerMmX = size.width / scene.widthMm;
  const pxPerMmY = size.height / scene.heightMm;
  const crop = glassBounds(scene, { ...element.box, x: element.box.x + offsetX });
  const x0 = Math.max(0, Math.floor(crop.x * pxPerMmX));
  const y0 = Math.max(0, Math.floor(crop.y * pxPerMmY));
  const x1 = Math.min(size.width, Math.ceil((crop.x + crop.width) * pxPerMmX));
  const y1 = Math.min(size.height, Math.ceil((crop.y + crop.height) * pxPerMmY));
  if (x1 <= x0 || y1 <= y0) return null;
  const viewBox = [x0 / pxPerMmX, y0 / pxPerMmY, (x1 - x0) / pxPerMmX, (y1 - y0) / pxPerMmY].map((v) =>
    v.toFixed(5),
  );
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${x1 - x0}" height="${y1 - y0}" viewBox="${viewBox.join(' ')}">` +
    `<g transform="${paperTransform(scene)}">${placed(offsetX, [element])}</g></svg>`;
  const alpha = await sharp(Buffer.from(svg)).ensureAlpha().extractChannel(3).raw().toBuffer();
  return trimToInk(alpha, x1 - x0, y1 - y0, x0, y0, element.color);
}

function glassBounds(scene: SideScene, box: Rect): Rect {
  const corners = [
    onGlass(scene, box.x, box.y),
    onGlass(scene, box.x + box.width, box.y),
    onGlass(scene, box.x, box.y + box.height),
    onGlass(scene, box.x + box.width, box.y + box.height),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return {
    x: Math.min(...xs),
    y: Math.min(...ys),
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  };
}

function trimToInk(
  alpha: Buffer,
  width: number,
  height: number,
  left: number,
  top: number,
  color: Rgb,
): InkMask | null {
  let minX = width;
  let maxX = -1;
  let minY = height;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((alpha[y * width + x] as number) < 128) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return null;
  const w = maxX - minX + 1;
  const h = maxY - minY + 1;
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++)
      ink[y * w + x] = (alpha[(minY + y) * width + minX + x] as number) >= 128 ? 1 : 0;
  }
  return { x: left + minX, y: top + minY, width: w, height: h, ink, color };
}
