// Reading one folded sheet whose sides are known: each side read on its own, then put together as P1..P4.
import type { RenderedPage } from '../pdf/render-page';
import { readSide } from './read-side';
import type { Recognizer } from './recognize/recognizer';
import { sheetFromSides } from './sheet-from-sides';
import type { SheetReading } from './types';

/** A sheet's two sides rendered as displayed at `dpi`; the verso is missing for an incomplete sheet. */
export interface SheetImages {
  recto: RenderedPage;
  verso: RenderedPage | null;
  dpi: number;
}

export async function readSheet(images: SheetImages, recognizer: Recognizer): Promise<SheetReading> {
  const recto = await readSide(images.recto, images.dpi, recognizer);
  const verso = images.verso ? await readSide(images.verso, images.dpi, recognizer) : null;
  return sheetFromSides(recto, verso);
}
