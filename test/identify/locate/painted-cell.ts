// Small hand-made cell images: paper with whatever marks a test paints on it.
import type { CellImage } from '../../../core/identify/types';

export interface Painter {
  /** Paints the rectangle [x0, x1) × [y0, y1) with grey `value` (0 = black ink). */
  rect(x0: number, y0: number, x1: number, y1: number, value?: number): void;
  /** Paints a filled disc. */
  disc(cx: number, cy: number, radius: number, value?: number): void;
}

/** A `width` × `height` cell of paper (255, or light noise around 245 with `noise`), then `paint`. */
export function paintedCell(
  width: number,
  height: number,
  paint: (painter: Painter) => void = () => undefined,
  noise = false,
): CellImage {
  const data = new Uint8Array(width * height).fill(255);
  // A fixed xorshift: the same speckle on every run.
  let state = 2463534242;
  if (noise) {
    for (let i = 0; i < data.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      data[i] = 236 + ((state >>> 0) % 20);
    }
  }
  const set = (x: number, y: number, value: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) data[y * width + x] = value;
  };
  paint({
    rect(x0, y0, x1, y1, value = 30) {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(x, y, value);
    },
    disc(cx, cy, radius, value = 40) {
      for (let y = Math.floor(cy - radius); y <= cy + radius; y++) {
        for (let x = Math.floor(cx - radius); x <= cx + radius; x++) {
          if ((x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2) set(x, y, value);
        }
      }
    },
  });
  return { width, height, data };
}
