// What the server holds after a sync, checked against the station: each copy once, with its own student.
import { expect } from 'vitest';
import type { ManifestStudent } from '../../core/manifest';
import type { KorrigoDouble } from '../korrigo-double/korrigo-double';

export function expectDeliveredOnce(
  double: KorrigoDouble,
  examId: string,
  batch: { copyIds: string[]; students: ManifestStudent[] },
  expected = batch.copyIds,
): void {
  const copies = double.state.examCopies(examId);
  const emailOf = new Map(double.state.students.map((student) => [student.id, student.email]));
  // The file name the station chose starts with its copy id: which station copy each server copy is.
  const stationCopy = (identifier: string) => batch.copyIds.find((id) => identifier.startsWith(`${id}-`));
  const held = copies.map((copy) => ({
    copyId: stationCopy(copy.studentIdentifier),
    status: copy.status,
    email: copy.student === null ? null : emailOf.get(copy.student),
  }));
  expect(held.map((copy) => copy.copyId).sort()).toEqual([...expected].sort());
  for (const copy of held) {
    const index = batch.copyIds.indexOf(copy.copyId!);
    expect(copy).toEqual({ copyId: copy.copyId, status: 'READY', email: batch.students[index]!.email });
  }
}
