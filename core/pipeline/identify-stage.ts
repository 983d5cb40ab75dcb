// Identification as a pipeline stage: read every sheet, match the readings against the roster (a closed
// world), and plan the copies from the result.
import { readStack, type SheetUnit } from '../identify/read-stack';
import { createRecognizer } from '../identify/recognize/create-recognizer';
import { identifyCopies } from '../identify/segment/identify-copies';
import type { Manifest, ManifestCopy } from '../manifest';
import type { LoadedSource } from '../pdf/load-source';
import type { RosterStudent } from '../roster/load-roster';
import { absentStudents } from './absent';
import { planIdentifiedCopies } from './copies';
import type { StackUnit } from './sheets';
import { pageLabel, type StackPage } from './stack';

export async function identifyStudents(
  units: readonly StackUnit<StackPage>[],
  sources: readonly LoadedSource[],
  students: readonly RosterStudent[],
  onSheet?: (done: number, total: number) => void,
): Promise<{ copies: ManifestCopy[]; absent: Manifest['absent'] }> {
  const sheetUnits = units.filter((unit): unit is SheetUnit => unit.kind !== 'loose-page');
  const recognizer = await createRecognizer();
  try {
    const readings = await readStack(sheetUnits, sources, { recognizer, onSheet });
    const identified = identifyCopies(readings, students, {
      sheetLabel: (i) => `the sheet at ${pageLabel(sheetUnits[i]!.recto)}`,
    });
    const copies = planIdentifiedCopies(units, sources, readings, identified);
    return {
      copies,
      absent: absentStudents(students, copies),
    };
  } finally {
    await recognizer.close();
  }
}
