// How a displayed page is stored: a page with /Rotate R is shown turned R degrees clockwise, so what the
// viewer must show upright is stored turned back, both its placement and its pixels.
import type { Rect } from './sheet-layout';

export type Rotation = 0 | 90 | 180 | 270;

export interface Size {
  width: number;
  height: number;
}

export function displayedSize(stored: Size, rotate: Rotation): Size {
  return rotate % 180 === 0 ? stored : { width: stored.height, height: stored.width };
}

/**
 * A rectangle given as displayed (points, top-left origin) in the stored page's user space (points,
 * bottom-left origin), for a page of `stored` size shown with /Rotate `rotate`.
 */
export function storedRect(displayed: Rect, rotate: Rotation, stored: Size): Rect {
  const { x, y, width: w, height: h } = displayed;
  // In top-left-origin stored coordinates first, then flipped to PDF's bottom-left origin.
  const topLeft: Rect =
    rotate === 0
      ? { x, y, width: w, height: h }
      : rotate === 90
        ? { x: y, y: stored.height - x - w, width: h, height: w }
        : rotate === 180
          ? { x: stored.width - x - w, y: stored.height - y - h, width: w, height: h }
          : { x: stored.width - y - h, y: x, width: h, height: w };
  return { ...topLeft, y: stored.height - topLeft.y - topLeft.height };
}

/** Turns a one-byte-per-pixel raster clockwise by `degrees`. */
export function rotatePixels(
  pixels: Uint8Array,
  width: number,
  height: number,
  degrees: Rotation,
): { pixels: Uint8Array; width: number; height: number } {
  if (degrees === 0) return { pixels, width, height };
  const turned = degrees !== 180;
  const outWidth = turned ? height : width;
  const outHeight = turned ? width : height;
  const out = new Uint8Array(pixels.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [ox, oy] =
        degrees === 90
          ? [height - 1 - y, x]
          : degrees === 180
            ? [width - 1 - x, height - 1 - y]
            : [y, width - 1 - x];
      out[oy * outWidth + ox] = pixels[y * width + x] as number;
    }
  }
  return { pixels: out, width: outWidth, height: outHeight };
}

/** The clockwise turn that brings a displayed raster to its stored orientation. */
export function storageTurn(rotate: Rotation): Rotation {
  return ((360 - rotate) % 360) as Rotation;
}

/** Packs 0/1 pixels into PDF 1-bit rows (MSB first, each row padded to a byte), writing `oneBit` for 1. */
export function packBits(pixels: Uint8Array, width: number, height: number, oneBit: 0 | 1): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  const out = new Uint8Array(rowBytes * height).fill(oneBit === 1 ? 0 : 0xff);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x] !== 1) continue;
      const byte = y * rowBytes + (x >> 3);
      const bit = 0x80 >> (x & 7);
      out[byte] = oneBit === 1 ? (out[byte] as number) | bit : (out[byte] as number) & ~bit;
    }
  }
  return out;
}
