// Ink coverage planes (0 = paper, 1 = full ink) and the distortions a pen, a scanner and a box finder add.
// Everything is seeded through the generator's Random so a training set is the same on every run.
import type { Random } from '../../../test/generator/random';

export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

export function crop(plane: Plane, x0: number, y0: number, width: number, height: number): Plane {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = y + y0;
    if (sy < 0 || sy >= plane.height) continue;
    for (let x = 0; x < width; x++) {
      const sx = x + x0;
      if (sx >= 0 && sx < plane.width) data[y * width + x] = plane.data[sy * plane.width + sx] as number;
    }
  }
  return { width, height, data };
}

// Hot loops call only module-level functions: a closure made per call costs more than the arithmetic.
function pixel(plane: Plane, x: number, y: number): number {
  return x < 0 || y < 0 || x >= plane.width || y >= plane.height
    ? 0
    : (plane.data[y * plane.width + x] as number);
}

function sample(plane: Plane, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  return (
    (pixel(plane, x0, y0) * (1 - fx) + pixel(plane, x0 + 1, y0) * fx) * (1 - fy) +
    (pixel(plane, x0, y0 + 1) * (1 - fx) + pixel(plane, x0 + 1, y0 + 1) * fx) * fy
  );
}

/** Bilinear value of a coarse `grid`×`grid` field at grid coordinates (u, v). */
function fieldAt(field: Float32Array, grid: number, u: number, v: number): number {
  const i = Math.min(grid - 2, Math.floor(u));
  const j = Math.min(grid - 2, Math.floor(v));
  const fu = u - i;
  const fv = v - j;
  const f00 = field[j * grid + i] as number;
  const f10 = field[j * grid + i + 1] as number;
  const f01 = field[(j + 1) * grid + i] as number;
  const f11 = field[(j + 1) * grid + i + 1] as number;
  return (f00 * (1 - fu) + f10 * fu) * (1 - fv) + (f01 * (1 - fu) + f11 * fu) * fv;
}

/**
 * A smooth random displacement (bilinear between random offsets on a coarse grid): handwriting wobbles, it
 * is never an exact affine copy of a glyph. `amplitude` in pixels, `cells` grid steps across the plane.
 */
export function elasticWarp(plane: Plane, rng: Random, amplitude: number, cells: number): Plane {
  const { width, height } = plane;
  const grid = cells + 1;
  const gx = Float32Array.from({ length: grid * grid }, () => rng.range(-amplitude, amplitude));
  const gy = Float32Array.from({ length: grid * grid }, () => rng.range(-amplitude, amplitude));
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const v = (y / Math.max(1, height - 1)) * cells;
    for (let x = 0; x < width; x++) {
      const u = (x / Math.max(1, width - 1)) * cells;
      data[y * width + x] = sample(plane, x + fieldAt(gx, grid, u, v), y + fieldAt(gy, grid, u, v));
    }
  }
  return { width, height, data };
}

/**
 * Pen pressure: the ink's darkness varies smoothly along the strokes (a ballpoint skips, a felt pen dries),
 * from `lightest` to full on a coarse random field.
 */
export function pressure(plane: Plane, rng: Random, lightest: number): Plane {
  const { width, height } = plane;
  const cells = 3;
  const grid = cells + 1;
  const field = Float32Array.from({ length: grid * grid }, () => rng.range(lightest, 1));
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const v = (y / Math.max(1, height - 1)) * cells;
    for (let x = 0; x < width; x++) {
      const u = (x / Math.max(1, width - 1)) * cells;
      data[y * width + x] = (plane.data[y * width + x] as number) * fieldAt(field, grid, u, v);
    }
  }
  return { width, height, data };
}

/** Separable gaussian blur; sigma in pixels. */
export function blur(plane: Plane, sigma: number): Plane {
  if (sigma < 0.05) return plane;
  const radius = Math.max(1, Math.ceil(sigma * 2.5));
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) =>
    Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)),
  );
  const total = kernel.reduce((a, b) => a + b, 0);
  const weights = kernel.map((k) => k / total);
  const pass = (source: Float32Array, horizontal: boolean): Float32Array => {
    const out = new Float32Array(source.length);
    const { width, height } = plane;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++) {
          const sx = horizontal ? Math.min(width - 1, Math.max(0, x + k)) : x;
          const sy = horizontal ? y : Math.min(height - 1, Math.max(0, y + k));
          sum += (source[sy * width + sx] as number) * (weights[k + radius] as number);
        }
        out[y * width + x] = sum;
      }
    }
    return out;
  };
  return { ...plane, data: pass(pass(plane.data, true), false) };
}

/** 3×3 grey erosion (thinner strokes) or dilation (a heavier pen). */
export function morph(plane: Plane, kind: 'thin' | 'thicken'): Plane {
  const { width, height } = plane;
  const data = new Float32Array(width * height);
  const pick = kind === 'thin' ? Math.min : Math.max;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let value = plane.data[y * width + x] as number;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
          value = pick(value, plane.data[ny * width + nx] as number);
        }
      }
      data[y * width + x] = value;
    }
  }
  return { width, height, data };
}
