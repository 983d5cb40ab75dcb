// Faults already on the paper before it reaches the scanner: a header left empty, a last verso left blank.
import type { Random } from './random';
import type { SheetPicker } from './sheet-picker';
import type { SheetPages, StackPlan } from './stack';
import type { TruthPage, TruthSheet } from './types';

/** Students who forgot the header of their first sheet; its page box they filled as usual. */
export function leaveFirstHeadersEmpty(
  rng: Random,
  plan: StackPlan,
  picker: SheetPicker,
  count: number,
): void {
  const firstSheets = picker.free(plan.copies.map((c) => c.sheets[0] as number));
  for (const index of picker.take(rng, 'blankHeaderFirstSheet', count, firstSheets, 'first sheets')) {
    const { sheet, pages } = sheetAt(plan, index);
    pages[0].header = null;
    sheet.headerFilled = false;
  }
}

/**
 * Students who wrote nothing after P1 of their last sheet: P2, P3 and P4 blank, not even a page box, so a
 * scanner's blank-page removal takes the verso for an empty side. Returns those sheets.
 */
export function leaveLastVersosBlank(
  rng: Random,
  plan: StackPlan,
  picker: SheetPicker,
  count: number,
): number[] {
  const lastSheets = picker.free(plan.copies.map((c) => c.sheets.at(-1) as number));
  const chosen = picker.take(rng, 'droppedBlankSides', count, lastSheets, 'last sheets');
  for (const index of chosen) {
    const { sheet, pages } = sheetAt(plan, index);
    for (const spec of pages.slice(1)) {
      spec.blank = true;
      spec.pageBox = null;
      const truth = truthPage(plan, spec.id);
      truth.blank = true;
      truth.pageBox = null;
    }
    sheet.versoDropped = true;
  }
  return chosen;
}

function sheetAt(plan: StackPlan, index: number): { sheet: TruthSheet; pages: SheetPages } {
  const sheet = plan.sheets[index];
  const pages = plan.sheetPages[index];
  if (!sheet || !pages) throw new Error(`no sheet ${index} in the plan`);
  return { sheet, pages };
}

export function truthPage(plan: StackPlan, id: number): TruthPage {
  const page = plan.pages.find((p) => p.id === id);
  if (!page) throw new Error(`page ${id} has no truth`);
  return page;
}
