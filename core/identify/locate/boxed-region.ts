// The steps every printed-box search shares. The search runs on a dark-pixel mask brought down to 100–199
// dpi (cheap, and thin rules survive it: a mask pixel is dark when any pixel it stands for is): grey
// levels, the tilt measured and undone, the combs found. Each chosen comb is then measured again and cut
// into clean cells at full resolution, placed back in the caller's pixels.
import type { CellImage } from '../types';
import { combCells } from './comb-cells';
import { combPatch } from './comb-patch';
import { findCombs, type Box, type Comb, type CombShape } from './combs';
import { darkMask, greyOf, measureLevels, type GreyImage, type Levels, type Pixels } from './grey-image';
import { deskewMask, tiltAbout, type Tilt } from './rotate';
import { estimateSkew, MAX_SKEW_DEGREES } from './skew';

/** A box in the pixels of the image the caller passed in (its centre placed there, its size kept). */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LocatedCell {
  /** The box's inside, printed rules wiped: 0 = ink, 255 = paper. */
  image: CellImage;
  box: PixelBox;
}

export interface BoxedRegion {
  grey: GreyImage;
  levels: Levels;
  /** Measured clockwise tilt of the printed rows, degrees. */
  skewDegrees: number;
  /** Found combs, in deskewed full-resolution coordinates. */
  combs: Comb[];
  /** How far the search's rule positions may be off at full resolution, pixels. */
  slack: number;
  tilt: Tilt;
}

const SEARCH_DPI = 100;

export function findBoxedRegion(image: Pixels, dpi: number, shape: Omit<CombShape, 'scale'>): BoxedRegion {
  if (!(dpi > 0)) throw new RangeError(`dpi must be positive, got ${dpi}`);
  const grey = greyOf(image);
  const levels = measureLevels(grey);
  const factor = Math.max(1, Math.floor(dpi / SEARCH_DPI));
  const mask = darkMask(grey, levels.dark, factor);
  const skewDegrees = estimateSkew(mask, MAX_SKEW_DEGREES);
  // Mask pixel u stands for image pixels u·f .. u·f + f - 1: its centre is image pixel (u + ½)·f − ½.
  const toImage = (u: number) => (u + 0.5) * factor - 0.5;
  const toMask = (x: number) => (x + 0.5) / factor - 0.5;
  const centre = { x: (image.width - 1) / 2, y: (image.height - 1) / 2 };
  const straight = deskewMask(mask, tiltAbout(toMask(centre.x), toMask(centre.y), skewDegrees));
  const combs = findCombs(straight, { ...shape, scale: dpi / 25.4 / factor }).map((comb) => ({
    boxes: comb.boxes.map((box) => ({
      left: toImage(box.left),
      right: toImage(box.right),
      top: toImage(box.top),
      bottom: toImage(box.bottom),
    })),
    lineWidth: comb.lineWidth * factor,
  }));
  return {
    grey,
    levels,
    skewDegrees,
    combs,
    slack: factor + 1,
    tilt: tiltAbout(centre.x, centre.y, skewDegrees),
  };
}

/** Clean cells for the boxes of `combs`, in order. */
export function locatedCells(region: BoxedRegion, combs: readonly Comb[]): LocatedCell[] {
  const { grey, tilt, levels, slack } = region;
  return combs.flatMap((comb) => {
    const measured = combPatch(grey, tilt, comb.boxes, comb.lineWidth, slack, levels);
    const images = combCells(measured, levels);
    return measured.boxes.map((box: Box, k) => {
      const width = box.right - box.left;
      const height = box.bottom - box.top;
      const centre = tilt.toSource(measured.x0 + box.left + width / 2, measured.y0 + box.top + height / 2);
      return {
        image: images[k] as CellImage,
        box: { x: centre.x - width / 2, y: centre.y - height / 2, width, height },
      };
    });
  });
}
