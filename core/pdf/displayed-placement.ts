// Where an image placed by a transform lands on the page as displayed (/Rotate and the CropBox applied,
// y down, in points), and which quarter turn takes its stored rows and columns there. An image fills the
// unit square of its transform; only placements whose sides follow the page's axes, unmirrored, have a turn.
import type { PageGeometry, Rotation } from './page-geometry';
import type { Matrix } from './quality/image-placements';

/** A rectangle of the displayed page, in points from its top-left corner. */
export interface DisplayedRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point of the page's user space on the displayed page. */
function displayedPoint(x: number, y: number, geometry: PageGeometry): [number, number] {
  const { x0, y0, x1, y1 } = geometry.cropBox;
  const [u, v] = [x - x0, y1 - y];
  if (geometry.rotate === 90) return [y1 - y0 - v, u];
  if (geometry.rotate === 180) return [x1 - x0 - u, y1 - y0 - v];
  if (geometry.rotate === 270) return [v, x1 - x0 - u];
  return [u, v];
}

/** Where a direction of the page's user space points once the page is displayed (y down, /Rotate applied). */
function displayedDirection(dx: number, dy: number, rotate: Rotation): [number, number] {
  const [x, y] = [dx, -dy];
  if (rotate === 90) return [-y, x];
  if (rotate === 180) return [-x, -y];
  if (rotate === 270) return [y, -x];
  return [x, y];
}

/** The clockwise turn taking the image's rows and columns to the displayed page's, or undefined (mirrored, skewed). */
export function turnOf(ctm: Matrix, rotate: Rotation): Rotation | undefined {
  const [a, b, c, d] = ctm;
  // Along a row (left to right) the image follows its first column vector; down the rows, minus its second.
  const along = displayedDirection(a, b, rotate).map(Math.sign).join(',');
  const down = displayedDirection(-c, -d, rotate).map(Math.sign).join(',');
  const turns: Record<string, Rotation> = { '1,0|0,1': 0, '0,1|-1,0': 90, '-1,0|0,-1': 180, '0,-1|1,0': 270 };
  return turns[`${along}|${down}`];
}

/** The displayed rectangle the image's unit square covers (for a placement that has a turn). */
export function displayedRect(ctm: Matrix, geometry: PageGeometry): DisplayedRect {
  const [a, b, c, d, e, f] = ctm;
  const corners = [
    [e, f],
    [e + a, f + b],
    [e + c, f + d],
    [e + a + c, f + b + d],
  ].map(([x, y]) => displayedPoint(x!, y!, geometry));
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}
