// What lies between the pen and the classifier: the comb's printed lines that the box finder could not fully
// erase (or erased together with the ink crossing them), the paper and ink tones of colour, grey and bilevel
// scans and sensor noise.
import type { CellImage } from '../../../core/identify/types';
import type { Random } from '../../../test/generator/random';
import type { Plane } from './plane';

type Edge = 'top' | 'bottom' | 'left' | 'right';
const EDGES: readonly Edge[] = ['top', 'bottom', 'left', 'right'];

interface Stroke {
  /** Pixels across the line, and its distance from the crop's edge. */
  thickness: number;
  inset: number;
  /** Extent along the edge, pixels. */
  start: number;
  end: number;
  /** Coverage painted, or null to wipe the band clean (ink included). */
  darkness: number | null;
}

function paintEdge(plane: Plane, edge: Edge, stroke: Stroke): void {
  const { width, height, data } = plane;
  const vertical = edge === 'left' || edge === 'right';
  const across = vertical ? width : height;
  for (let t = 0; t < stroke.thickness; t++) {
    const offset = stroke.inset + t;
    if (offset >= across) break;
    const line = edge === 'top' || edge === 'left' ? offset : across - 1 - offset;
    for (let s = stroke.start; s < stroke.end; s++) {
      const i = vertical ? s * width + line : line * width + s;
      data[i] = stroke.darkness === null ? 0 : Math.max(data[i] as number, stroke.darkness);
    }
  }
}

/**
 * What the box finder leaves of the printed comb: sometimes the whole box outline (it cropped the box and
 * did not erase its lines); otherwise along each edge nothing, a fragment of line (possibly a little
 * inside), or a band wiped clean, ink included, where it erased a line.
 */
export function boxFinderEdges(source: Plane, rng: Random, pxPerMm: number): Plane {
  const plane = { ...source, data: Float32Array.from(source.data) };
  const thickness = () => Math.max(1, Math.round(rng.range(0.1, 0.35) * pxPerMm));
  const length = (edge: Edge) => (edge === 'left' || edge === 'right' ? plane.height : plane.width);
  if (rng.chance(0.1)) {
    const darkness = rng.range(0.35, 0.8);
    const inset = rng.int(0, 1);
    for (const edge of EDGES)
      paintEdge(plane, edge, { thickness: thickness(), inset, start: 0, end: length(edge), darkness });
    return plane;
  }
  for (const edge of EDGES) {
    const roll = rng.next();
    if (roll < 0.55) continue;
    const start = rng.chance(0.5) ? 0 : rng.int(0, Math.floor(length(edge) * 0.7));
    paintEdge(plane, edge, {
      thickness: thickness(),
      inset: rng.chance(0.6) ? 0 : rng.int(1, Math.max(1, Math.round(0.4 * pxPerMm))),
      start,
      end: rng.chance(0.5) ? length(edge) : rng.int(start + 1, length(edge)),
      darkness: roll < 0.82 ? rng.range(0.35, 0.8) : null,
    });
  }
  return plane;
}

export interface ToneOptions {
  /** Paper grey level, 0..255. */
  paper: number;
  /** Grey of full ink, 0..255 (blue ink scans lighter than black). */
  ink: number;
  noise: number;
  /** Threshold a bilevel scanner would apply to the coverage, or null for a grey/colour scan. */
  bilevelAt: number | null;
}

/** `heavy`: inks down to a pale blue or a pencil's grey. */
export function drawTone(rng: Random, heavy = false): ToneOptions {
  const bilevel = rng.chance(0.25);
  return {
    paper: bilevel ? 255 : rng.range(205, 255),
    ink: bilevel ? 0 : rng.range(10, heavy ? 160 : 120),
    noise: bilevel ? 0 : rng.range(0, 10),
    bilevelAt: bilevel ? rng.range(0.3, 0.65) : null,
  };
}

export function toGrey(plane: Plane, tone: ToneOptions, rng: Random): CellImage {
  const data = new Uint8Array(plane.width * plane.height);
  for (let i = 0; i < data.length; i++) {
    let coverage = plane.data[i] as number;
    if (tone.bilevelAt !== null) coverage = coverage >= tone.bilevelAt ? 1 : 0;
    const value = tone.paper + (tone.ink - tone.paper) * Math.min(1, coverage) + rng.gaussian() * tone.noise;
    data[i] = Math.max(0, Math.min(255, Math.round(value)));
  }
  return { width: plane.width, height: plane.height, data };
}
