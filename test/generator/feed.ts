// The stack as the scanner takes it in: each face of paper, how it lay on the glass, which way up, and
// whether it is a second scan of a face already scanned.
import { pageElements, type PageSpec } from './page-content';
import type { IdPool } from './page-ids';
import type { ScannedSide } from './pdf-shapes';
import type { Random } from './random';
import { A3_MM, A4_MM } from './sheet-layout';
import type { SideScene } from './side-raster';
import type { PlannedSide } from './stack';
import type { TruthPage } from './types';

export interface FedSide extends ScannedSide {
  /** The face of paper, its pages in paper order (an upside-down side shows them the other way round). */
  paper: PlannedSide;
  upsideDown: boolean;
  /** The first scan of the face this side scans again. */
  rescanOf?: FedSide;
}

/** The planned stack fed in order: one scene per side, drawn from `rng` side after side. */
export function feedStack(sides: readonly PlannedSide[], rng: Random): FedSide[] {
  return sides.map((paper, i) => ({
    paper,
    scene: sideScene(paper, rng),
    // Copiers deflate some JPEG backgrounds again, not all; the first page always, so every batch has one.
    deflateBackground: i === 0 || rng.chance(0.4),
    upsideDown: false,
  }));
}

/** A face added to the stack by a fault (a stranger's sheet, an annex), scanned like any other. */
export function feedExtra(paper: PlannedSide, rng: Random): FedSide {
  return { paper, scene: sideScene(paper, rng), deflateBackground: rng.chance(0.4), upsideDown: false };
}

/** Turns the paper over end for end on the glass: the scanner sees it turned 180° about its centre. */
export function turnUpsideDown(side: FedSide): void {
  side.scene = { ...side.scene, skew: side.scene.skew + 180 };
  side.upsideDown = true;
}

/**
 * The same face scanned again, fed the same way: the same writing, but its own skew, offset and noise, and
 * its own page ids (each recorded in the truth as a duplicate of the first scan's page).
 */
export function rescan(side: FedSide, rng: Random, ids: IdPool, pages: TruthPage[]): FedSide {
  const again = <T extends PageSpec>(spec: T | undefined): T | undefined => {
    if (!spec) return undefined;
    const copy = { ...spec, id: ids.next(rng) };
    const first = pages.find((p) => p.id === spec.id);
    if (!first) throw new Error(`page ${spec.id} has no truth`);
    pages.push({ ...first, id: copy.id, duplicateOf: spec.id });
    return copy;
  };
  const { paper } = side;
  const copy: PlannedSide = {
    ...paper,
    left: again(paper.left),
    right: again(paper.right),
    full: again(paper.full),
  };
  const fed: FedSide = { ...feedExtra(copy, rng), rescanOf: side };
  if (side.upsideDown) turnUpsideDown(fed);
  return fed;
}

/** Each side lies a little askew and off-centre on the glass, up to ±1° and ±1 mm. */
function sideScene(side: PlannedSide, rng: Random): SideScene {
  const a3 = side.kind === 'a3';
  const specs = a3 ? [side.left, side.right] : [side.full];
  return {
    widthMm: a3 ? A3_MM.width : A4_MM.width,
    heightMm: A3_MM.height,
    pages: specs.map((spec) => {
      if (!spec) throw new Error('planned side without its page');
      return pageElements(spec);
    }),
    skew: rng.range(-1, 1),
    shiftX: rng.range(-1, 1),
    shiftY: rng.range(-1, 1),
    seed: Math.floor(rng.next() * 4294967296),
  };
}
