// Sheet readings for segmentation cases, read without doubt so that each case tests one decision.
import type { SheetReading } from '../../../core/identify/types';
import type { ClassMember } from '../match/class-roster';
import { sureHeader, surePageBox, type WrittenHeader } from '../match/simulate';

export function headerOf(member: ClassMember): WrittenHeader {
  return {
    lastName: member.lastName,
    firstName: member.firstName,
    birthDate: member.birthDate.replace(/\//g, ''),
  };
}

/** One sheet: its header (a member's, or empty, or not found) and the "n / N" boxes of P1..P4. */
export function sheet(
  header: ClassMember | WrittenHeader | 'empty' | 'unread',
  pages: ([number, number] | null)[],
  notes: string[] = [],
): SheetReading {
  const written =
    header === 'empty' || header === 'unread' ? null : 'student' in header ? headerOf(header) : header;
  const reading = written
    ? sureHeader(written)
    : header === 'empty'
      ? { ...sureHeader(blank), empty: true }
      : null;
  return { header: reading, pageBoxes: pages.map(surePageBox), notes, upsideDown: false };
}

const blank: WrittenHeader = { lastName: '', firstName: '', birthDate: '' };

/** The four page boxes of sheet j (0-based) of a copy of `sheets` sheets. */
export function pagesOf(j: number, sheets: number): [number, number][] {
  return [1, 2, 3, 4].map((p) => [4 * j + p, 4 * sheets]);
}

/** The sheets of one student's copy: header on the first sheet only. */
export function copyOf(member: ClassMember, sheets: number): SheetReading[] {
  return Array.from({ length: sheets }, (_, j) => sheet(j === 0 ? member : 'empty', pagesOf(j, sheets)));
}
