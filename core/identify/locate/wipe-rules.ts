// A comb's top and bottom rules wiped, except where writing shows on them: a pixel clearly darker than the
// rule's print (coloured or black ink over a grey rule), or ink on both sides of the rule (a stroke going
// through it). The patch comes out rescaled so the paper is white.
import type { CombPatch } from './comb-patch';
import type { GreyImage, Levels } from './grey-image';

/** Paper grain and JPEG ringing are not ink: near-white (of 255) is white. */
const NEAR_WHITE = 235;

/** The patch rescaled to paper = 255, with the comb's top and bottom rules wiped where no writing is. */
export function withoutRules({ patch, boxes, rules }: CombPatch, levels: Levels): GreyImage {
  const { width, height } = patch;
  const data = new Uint8Array(width * height);
  const toPaper = 255 / levels.paper;
  for (let i = 0; i < data.length; i++) {
    const value = (patch.data[i] as number) * toPaper;
    data[i] = value >= NEAR_WHITE ? 255 : value + 0.5;
  }
  const h = rules.halfWidth;
  const inkBelow = rules.level * 0.6;
  const isDark = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && (patch.data[y * width + x] as number) < levels.dark;
  for (const box of boxes) {
    for (const rule of [box.top, box.bottom]) {
      for (let x = Math.ceil(box.left - h); x <= Math.floor(box.right + h); x++) {
        if (sideDark(isDark, x, rule - h - 1, 0, -1) && sideDark(isDark, x, rule + h + 1, 0, 1)) continue;
        for (let y = Math.ceil(rule - h); y <= Math.floor(rule + h); y++) {
          if ((patch.data[y * width + x] as number) >= inkBelow) data[y * width + x] = 255;
        }
      }
    }
  }
  return { width, height, data };
}

/** Any dark pixel one or two steps outwards (dx, dy) from (x, y), or beside those. */
function sideDark(
  isDark: (x: number, y: number) => boolean,
  x: number,
  y: number,
  dx: number,
  dy: number,
): boolean {
  const px = Math.round(x);
  const py = Math.round(y);
  for (let step = 0; step < 2; step++) {
    for (let side = -1; side <= 1; side++) {
      if (isDark(px + dx * step + dy * side, py + dy * step + dx * side)) return true;
    }
  }
  return false;
}
