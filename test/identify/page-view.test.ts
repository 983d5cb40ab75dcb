// A page cut from its side part by part gives exactly the pixels of making the whole page first (cropping
// the half, turning it) and cutting (and greying) or shrinking that: the readers see the same images either way.
import { describe, expect, it } from 'vitest';
import { crop, HEADER_BAND, LEFT_HALF, PAGE_BOX_BAND, RIGHT_HALF } from '../../core/identify/crop';
import { toGrey } from '../../core/identify/locate/grey-image';
import { rotate180 } from '../../core/identify/locate/rotate';
import { pageView, withSideImage } from '../../core/identify/page-view';
import { shrinkImage } from '../../core/identify/shrink-image';
import { rgbaOf } from '../../core/pdf/page-image';
import type { RenderedPage } from '../../core/pdf/render-page';

/** Odd sizes, so that halves, bands and blocks all round. */
function noise(width: number, height: number): RenderedPage {
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 7;
  for (let i = 0; i < data.length; i++) data[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return { width, height, data };
}

describe('pageView', () => {
  const side = noise(67, 23);
  const parts = [HEADER_BAND, PAGE_BOX_BAND, { x: 0.13, y: 0.41, width: 0.37, height: 0.29 }];
  for (const [name, half] of [
    ['left', LEFT_HALF],
    ['right', RIGHT_HALF],
  ] as const) {
    for (const upsideDown of [false, true]) {
      it(`cuts (in colour and grey) and shrinks the ${name} page ${upsideDown ? 'turned' : 'upright'} as the whole page would`, () => {
        const whole = upsideDown ? rotate180(crop(side, half)) : crop(side, half);
        const view = pageView({ colour: side, grey: toGrey(side) }, half, upsideDown);
        for (const part of parts) expect(view.greyRegion(part)).toEqual(toGrey(crop(whole, part)));
        for (const factor of [1, 2, 3, 4]) expect(view.shrunk(factor)).toEqual(shrinkImage(whole, factor));
      });
    }
  }
});

describe('pageView of a grey side', () => {
  // A grey scan's side comes grey, without RGBA: the same greys, and blank-test images whose grey is
  // that of shrinking its RGBA.
  const grey = toGrey(noise(67, 23));
  const side = rgbaOf(grey);
  for (const half of [LEFT_HALF, RIGHT_HALF]) {
    for (const upsideDown of [false, true]) {
      it(`cuts and shrinks the ${half === LEFT_HALF ? 'left' : 'right'} page ${upsideDown ? 'turned' : 'upright'} as from its RGBA`, async () => {
        const read = await withSideImage(grey, async (image) => image);
        expect(read).toEqual({ colour: null, grey });
        const whole = upsideDown ? rotate180(crop(side, half)) : crop(side, half);
        const view = pageView(read, half, upsideDown);
        for (const part of [HEADER_BAND, PAGE_BOX_BAND])
          expect(view.greyRegion(part)).toEqual(toGrey(crop(whole, part)));
        for (const factor of [1, 2, 3, 4])
          expect(view.shrunk(factor)).toEqual(toGrey(shrinkImage(whole, factor)));
      });
    }
  }
});

describe('shrinkImage', () => {
  /** Each pixel of the small image, channel by channel: the mean of its block, as a clamped byte rounds it. */
  function blockMeans(image: RenderedPage, factor: number): RenderedPage {
    const width = Math.floor(image.width / factor);
    const height = Math.floor(image.height / factor);
    const data = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        for (let c = 0; c < 4; c++) {
          let sum = 0;
          for (let dy = 0; dy < factor; dy++)
            for (let dx = 0; dx < factor; dx++)
              sum += image.data[((y * factor + dy) * image.width + x * factor + dx) * 4 + c]!;
          data[(y * width + x) * 4 + c] = sum / factor ** 2;
        }
    return { width, height, data };
  }

  it('averages whole blocks, dropping the rest, of the image or of a rectangle of it', () => {
    const image = noise(67, 23);
    const rect = { x0: 5, y0: 3, x1: 50, y1: 21 };
    for (const factor of [1, 2, 3, 4]) {
      expect(shrinkImage(image, factor)).toEqual(blockMeans(image, factor));
      const part = crop(image, { x: 5 / 67, y: 3 / 23, width: 45 / 67, height: 18 / 23 });
      expect(shrinkImage(image, factor, rect)).toEqual(blockMeans(part, factor));
    }
  });
});

describe('withSideImage', () => {
  it("gives each side its own grey while it is read, reusing a finished side's buffer", async () => {
    const [a, b, c] = [noise(67, 23), noise(67, 23), noise(31, 9)];
    const greys: Uint8Array[] = [];
    const read = (side: RenderedPage) =>
      withSideImage(side, async ({ grey }) => {
        expect(grey).toEqual(toGrey(side));
        greys.push(grey.data);
        await new Promise((resolve) => setTimeout(resolve, 5));
        // Still this side's grey after another side was read meanwhile.
        expect(grey).toEqual(toGrey(side));
      });
    a.data.reverse();
    await Promise.all([read(a), read(b)]);
    expect(greys[0]).not.toBe(greys[1]);
    await read(b);
    expect(greys.slice(0, 2)).toContain(greys[2]);
    await read(c);
    expect(greys[3]).toHaveLength(31 * 9);
  });
});
