// A JPEG read at a half, a quarter or an eighth of its size is scaled by libjpeg inside its inverse DCT,
// several times cheaper than decoding every pixel and resampling them: a 300 dpi scan read at 150 dpi costs
// 30–40 ms of CPU instead of 70–100. sharp asks libjpeg for it only when the image shrinks by more than the
// factor (it skips an exact 2 for libjpeg's rounding), and has no option for it on a buffer; libvips takes it
// in a file's name (`scan.jpg[shrink=2]`), which sharp hands over as it is. So the JPEG is written to a
// temporary file for the time of the decode.
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';

export type LoadShrink = 1 | 2 | 4 | 8;

/**
 * The largest factor libjpeg can shrink the stored image by that leaves it at least `target`'s size: libvips
 * rounds the shrunk size down, and sharp then only reduces it, as it reduces a whole image; enlarged by a
 * pixel, the image would be shifted by half a pixel.
 */
export function loadShrink(
  stored: { width: number; height: number },
  target: { width: number; height: number },
): LoadShrink {
  const fits = (factor: number) =>
    Math.floor(stored.width / factor) >= target.width && Math.floor(stored.height / factor) >= target.height;
  return ([8, 4, 2] as const).find(fits) ?? 1;
}

/** `decode` given the JPEG `data` opened in sharp so that libjpeg decodes it shrunk by `shrink`. */
export async function withShrunkJpeg<T>(
  data: Uint8Array,
  shrink: LoadShrink,
  decode: (input: Sharp) => Promise<T>,
): Promise<T> {
  const file = join(tmpdir(), `korrigo-page-${randomUUID()}.jpg`);
  await writeFile(file, data);
  try {
    return await decode(sharp(`${file}[shrink=${shrink}]`, { failOn: 'none' }));
  } finally {
    await rm(file, { force: true });
  }
}
