// A page cut from its side part by part gives exactly the pixels of making the whole page first (cropping
// the half, turning it) and cutting or shrinking that: the readers see the same images either way.
import { describe, expect, it } from 'vitest';
import { crop, HEADER_BAND, LEFT_HALF, PAGE_BOX_BAND, RIGHT_HALF } from '../../core/identify/crop';
import { rotate180 } from '../../core/identify/locate/rotate';
import { pageView } from '../../core/identify/page-view';
import { shrinkImage } from '../../core/identify/shrink-image';
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
      it(`cuts and shrinks the ${name} page ${upsideDown ? 'turned' : 'upright'} as the whole page would`, () => {
        const whole = upsideDown ? rotate180(crop(side, half)) : crop(side, half);
        const view = pageView(side, half, upsideDown);
        for (const part of parts) expect(view.region(part)).toEqual(crop(whole, part));
        for (const factor of [1, 2, 3, 4]) expect(view.shrunk(factor)).toEqual(shrinkImage(whole, factor));
      });
    }
  }
});
