// Reads a generated batch back the way a test must: render each displayed half (or A4 page) of every side
// and decode its page tag, both as shown and turned 180° (an upside-down half shows its tag only then).
import { openForRender, type RenderedPage } from '../../core/pdf/render-page';
import { readPageTag, type RgbaImage } from './page-tag';
import { A4_MM, type Rect } from './sheet-layout';
import type { GeneratedFile, TruthSide } from './types';

export type HalfName = 'left' | 'right' | 'full';

export interface HalfReading {
  side: TruthSide;
  half: HalfName;
  /** The tag read from the half as displayed, and from the half turned 180°. */
  upright: number | null;
  turned: number | null;
}

const REGIONS = {
  left: { x: 0, y: 0, width: 0.5, height: 1 },
  right: { x: 0.5, y: 0, width: 0.5, height: 1 },
  full: { x: 0, y: 0, width: 1, height: 1 },
} as const;

/** Every half of every side of `sides` (in that order), rendered at `dpi`. */
export async function readHalves(
  files: readonly GeneratedFile[],
  sides: readonly TruthSide[],
  dpi: number,
): Promise<HalfReading[]> {
  const docs = await Promise.all(files.map((file) => openForRender(file.bytes, { name: file.name })));
  try {
    const readings: HalfReading[] = [];
    for (const side of sides) {
      const doc = docs[side.file - 1];
      if (!doc) throw new Error(`side of file ${side.file}, which the batch does not have`);
      const halves: HalfName[] = side.kind === 'a3' ? ['left', 'right'] : ['full'];
      for (const half of halves) {
        const image = await doc.render(side.source - 1, dpi, REGIONS[half]);
        readings.push({ side, half, upright: readPageTag(image), turned: readPageTag(turn180(image)) });
      }
    }
    return readings;
  } finally {
    await Promise.all(docs.map((doc) => doc.close()));
  }
}

/** What a half must read: its truth page's tag, upright, or only once turned when the side is upside down. */
export function expectedReading(
  side: TruthSide,
  half: HalfName,
): { upright: number | null; turned: number | null } {
  const id = side[half] ?? null;
  return side.upsideDown ? { upright: null, turned: id } : { upright: id, turned: null };
}

function turn180(image: RenderedPage | RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(image.data.length);
  const pixels = image.width * image.height;
  for (let p = 0; p < pixels; p++) data.set(image.data.subarray(p * 4, p * 4 + 4), (pixels - 1 - p) * 4);
  return { width: image.width, height: image.height, data };
}

/** Mean darkness (255 − luminance) inside `rect` (page millimetres) of an A4 page rendered upright. */
export function darkness(image: RgbaImage, rect: Rect): number {
  const sx = image.width / A4_MM.width;
  const sy = image.height / A4_MM.height;
  let sum = 0;
  let count = 0;
  for (let y = Math.floor(rect.y * sy); y < Math.ceil((rect.y + rect.height) * sy); y++) {
    for (let x = Math.floor(rect.x * sx); x < Math.ceil((rect.x + rect.width) * sx); x++) {
      const i = (y * image.width + x) * 4;
      sum +=
        255 -
        (0.299 * (image.data[i] ?? 255) +
          0.587 * (image.data[i + 1] ?? 255) +
          0.114 * (image.data[i + 2] ?? 255));
      count++;
    }
  }
  return sum / count;
}
