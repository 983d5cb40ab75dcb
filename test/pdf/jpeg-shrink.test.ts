// libjpeg shrinks a JPEG by 2, 4 or 8 while decoding; the factor is the largest the page's pixels allow, and
// the decode through a temporary file leaves none behind.
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadShrink, withShrunkJpeg } from '../../core/pdf/jpeg-shrink';

const size = (width: number, height: number) => ({ width, height });

describe('loadShrink', () => {
  it.each([
    [size(4961, 3508), size(2480, 1754), 2],
    [size(4960, 3508), size(2480, 1754), 2],
    [size(4959, 3508), size(2480, 1754), 1],
    [size(4961, 3508), size(1240, 877), 4],
    [size(4961, 3508), size(600, 400), 8],
    [size(4961, 3508), size(300, 200), 8],
    [size(4961, 3508), size(3307, 2339), 1],
    [size(1754, 2480), size(1754, 2480), 1],
    [size(1240, 877), size(2480, 1754), 1],
  ])('%o read as %o: %i', (stored, target, factor) => {
    expect(loadShrink(stored, target)).toBe(factor);
  });

  it('a factor fits both sides', () => {
    expect(loadShrink(size(4961, 2000), size(2480, 1754))).toBe(1);
  });
});

describe('withShrunkJpeg', () => {
  it('decodes at the size libjpeg scales to, and removes its file', async () => {
    const jpeg = await sharp({ create: { width: 401, height: 300, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    const before = (await readdir(tmpdir())).filter((name) => name.startsWith('korrigo-page-')).length;
    const info = await withShrunkJpeg(jpeg, 4, (input) => input.raw().toBuffer({ resolveWithObject: true }));
    expect([info.info.width, info.info.height]).toEqual([100, 75]);
    const after = (await readdir(tmpdir())).filter((name) => name.startsWith('korrigo-page-')).length;
    expect(after).toBeLessThanOrEqual(before);
  });

  it('a damaged JPEG fails and leaves no file', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    await expect(
      withShrunkJpeg(jpeg.subarray(0, 20), 2, (input) => input.raw().toBuffer()),
    ).rejects.toThrow();
  });
});
