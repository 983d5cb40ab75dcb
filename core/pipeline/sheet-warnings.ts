import type { StackUnit } from './sheets';
import { pageLabel } from './stack';
import type { StackPage } from './stack';

/**
 * What the operator should check in the stack: unusual pages, sides that pairing left alone (with its
 * reason, when it read the sides) or paired by position alone, and runs of A3 sides that do not pair up by position.
 */
export function sheetWarnings(units: readonly StackUnit<StackPage>[]): string[] {
  const warnings: string[] = [];
  let runStart: StackPage | undefined;
  let runSides = 0;
  for (const unit of units) {
    if (unit.kind === 'loose-page') {
      runStart = undefined;
      runSides = 0;
      if (unit.page.unusual) warnings.push(`${pageLabel(unit.page)} is ${unit.page.unusual}`);
      continue;
    }
    if (unit.kind === 'incomplete-sheet' && unit.reason !== undefined) {
      warnings.push(unit.reason);
      runStart = undefined;
      runSides = 0;
      continue;
    }
    if (unit.kind === 'sheet' && unit.reason !== undefined) warnings.push(unit.reason);
    runStart ??= unit.recto;
    runSides += unit.kind === 'sheet' ? 2 : 1;
    // Paired by position, an incomplete sheet is the last unit of its run: an A4 page or the stack's end follows.
    if (unit.kind === 'incomplete-sheet') {
      warnings.push(oddRunWarning(runStart, unit.recto, runSides));
      runStart = undefined;
      runSides = 0;
    }
  }
  if (units.length > 0 && units.every((unit) => unit.kind === 'loose-page')) {
    warnings.unshift(
      'the scans hold no A3 sheet: every page is a loose page (A4 or another size), each made a copy for ' +
        'review; check that these are the folded exam sheets, scanned unfolded in A3',
    );
  }
  return warnings;
}

function oddRunWarning(first: StackPage, last: StackPage, sides: number): string {
  const lacking = `${pageLabel(last)} has no verso: its sheet is incomplete (P1 and P4 only)`;
  if (sides === 1) return `${lacking}; it is a single A3 side between loose pages or at the end of the stack`;
  return (
    `${lacking}; the run of ${sides} A3 sides from ${pageLabel(first)} to ${pageLabel(last)} is odd. ` +
    'If a side is missing earlier in that run, the sheets after it are paired wrongly: check them'
  );
}
