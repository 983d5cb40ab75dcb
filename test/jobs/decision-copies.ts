// Copies as the pipeline plans them, for the pure decision tests (apply, refuse): one scan, two students.
import type { ManifestCopy, ManifestStudent } from '../../core/manifest';
import { NOT_IDENTIFIED, copyId } from '../../core/pipeline/copies';

export const SHA = 'c0ffee'.padEnd(64, '0');
export const SOURCES = [{ sha256: SHA }];

export const student = (name: string): ManifestStudent => ({
  name,
  email: `${name.toLowerCase().replace(' ', '.')}@example.fr`,
  birthDate: '2008-01-01',
  className: 'T.01',
});
export const PAUL = student('MARTIN PAUL');
export const LEA = student('MARTIN LEA');

/** A copy of one sheet: recto `side`, verso `side + 1`; its first `pages` pages in reading order. */
export function sheet(side: number, owner: ManifestStudent | null = null, pages = 4): ManifestCopy {
  const id = copyId(SHA, side, 'right');
  const all = [
    { file: 1, source: side, half: 'right' as const, rotate: 0 as const, blank: false },
    { file: 1, source: side + 1, half: 'left' as const, rotate: 0 as const, blank: false },
    { file: 1, source: side + 1, half: 'right' as const, rotate: 0 as const, blank: false },
    { file: 1, source: side, half: 'left' as const, rotate: 0 as const, blank: false },
  ];
  return {
    id,
    status: 'needs_review',
    student: owner,
    confidence: owner ? 1 : 0,
    reasons: owner ? [] : [NOT_IDENTIFIED],
    candidates: [],
    pages: all.slice(0, pages),
    file: `copies/${id}.pdf`,
  };
}
