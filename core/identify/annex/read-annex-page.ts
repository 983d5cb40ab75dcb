// An A4 page read as the reading stage reads every scanned side, so the job checkpoints it the same way: a
// page that carries its own header (an annex) is a "recto" with that header, any other page is unknown.
import type { RenderedPage } from '../../pdf/render-page';
import type { Recognizer } from '../recognize/recognizer';
import type { SideReading } from '../types';
import { readAnnexHeader } from './annex-header';

export async function readAnnexPage(
  page: RenderedPage,
  dpi: number,
  recognizer: Recognizer,
): Promise<SideReading> {
  const annex = await readAnnexHeader(page, dpi, recognizer);
  return {
    role: annex ? 'recto' : 'unknown',
    upsideDown: annex?.upsideDown ?? null,
    header: annex?.header ?? null,
    pageBoxes: [null, null],
    blank: [false, false],
    notes: annex ? [] : ['no header on this A4 page'],
  };
}
