// Every refusal the decisions write becomes a code with its parameters (none falls back to `other`), and
// it reaches the wire as data next to the English.
import { describe, expect, it } from 'vitest';
import { toWireError } from '../../core/api/wire';
import { applyDecision } from '../../core/decisions/apply-decision';
import { DecisionRefused } from '../../core/decisions/decision';
import type { Decision } from '../../core/decisions/decision';
import type { ManifestCopy } from '../../core/manifest';
import { refusalNote } from '../../core/review/refusal-codes';
import { LEA, PAUL, SOURCES, sheet } from '../jobs/decision-copies';
import { decisionRefusedError } from '../../core/store/store-errors';

function refusal(
  copies: ManifestCopy[],
  decision: Decision,
): { code: string; params: Record<string, string> } {
  try {
    applyDecision({ copies, rescans: [] }, decision, SOURCES);
  } catch (error) {
    if (error instanceof DecisionRefused) return refusalNote(error.message);
    throw error;
  }
  throw new Error(`${decision.kind} was not refused`);
}

describe('refusals as data', () => {
  const [paul, lea, none, short] = [sheet(1, PAUL), sheet(3, LEA), sheet(5, null), sheet(7, LEA, 2)];
  const page = paul.pages[1]!;
  const cases: [ManifestCopy[], Decision, string, Record<string, string>?][] = [
    [[paul], { kind: 'validate-copy', copyId: 'nope' }, 'no-copy', { copy: 'nope' }],
    [
      [paul],
      { kind: 'assign-student', copyId: paul.id, student: PAUL },
      'already-assigned',
      { student: 'MARTIN PAUL' },
    ],
    [[none], { kind: 'assign-student', copyId: none.id, student: null }, 'already-unassigned'],
    [[paul], { kind: 'move-page', page, toCopyId: paul.id, toIndex: 1 }, 'already-there', { position: '2' }],
    [[paul], { kind: 'move-page', page, toCopyId: paul.id, toIndex: 4 }, 'no-position', { position: '5' }],
    [
      [paul],
      { kind: 'move-pages', pages: paul.pages.slice(1, 3), toCopyId: paul.id, toIndex: 1 },
      'pages-already-there',
      { count: '2' },
    ],
    [[paul], { kind: 'move-pages', pages: [page, page], toCopyId: paul.id, toIndex: 0 }, 'page-twice'],
    [[paul], { kind: 'rotate-page', page, rotate: 0 }, 'already-turned', { rotate: '0' }],
    [[paul], { kind: 'mark-blank', page, blank: false }, 'already-not-blank'],
    [[paul], { kind: 'split-copy', copyId: paul.id, at: 4 }, 'cannot-split', { pages: '4', at: '5' }],
    [[paul], { kind: 'merge-copies', copyId: paul.id, intoCopyId: paul.id }, 'merge-itself'],
    [
      [paul, lea],
      { kind: 'merge-copies', copyId: lea.id, intoCopyId: paul.id },
      'different-students',
      { copy: paul.id, other: lea.id, student: 'MARTIN PAUL', otherStudent: 'MARTIN LEA' },
    ],
    [[paul], { kind: 'check-page-order', copyId: paul.id, checked: false }, 'order-not-checked'],
    [[none], { kind: 'validate-copy', copyId: none.id }, 'no-student'],
    [[short], { kind: 'validate-copy', copyId: short.id }, 'not-multiple-of-four', { pages: '2' }],
    [[paul, sheet(9, PAUL)], { kind: 'validate-copy', copyId: paul.id }, 'student-has-copy'],
    [[paul], { kind: 'keep-rescan', setAside: page, replaces: page }, 'not-a-rescan'],
    [[paul], { kind: 'mark-blank', page: { ...page, source: 99 }, blank: true }, 'page-not-found'],
  ];

  it.each(cases.map((one) => [one[2], one] as const))(
    'names %s',
    (_code, [copies, decision, code, params]) => {
      const note = refusal(copies, decision);
      expect(note.code).toBe(code);
      if (params) expect(note.params).toMatchObject(params);
    },
  );

  it('keeps unknown wording as `other`, and carries the note on the wire', () => {
    expect(refusalNote('something new')).toEqual({ code: 'other', params: { text: 'something new' } });
    const wire = toWireError(decisionRefusedError('b1', 'there is nothing to undo'), () => undefined);
    expect(wire).toEqual({
      code: 'decision-invalid',
      message: 'batch b1: decision refused: there is nothing to undo',
      note: { code: 'nothing-to-undo', params: {} },
    });
  });
});
