import { describe, expect, it } from 'vitest';
import { decideIdentity } from '../../../core/identify/match/decide-identity';
import type { HeaderEvidence } from '../../../core/identify/match/header-matcher';
import { resolveConflicts } from '../../../core/identify/match/resolve-conflicts';
import { rosterOf } from './class-roster';

const STUDENTS = rosterOf([
  { lastName: 'TRABELSI', firstName: 'ADAM', birthDate: '09/09/2007' },
  { lastName: 'TRABELSI', firstName: 'ADEM', birthDate: '09/09/2007' },
  { lastName: 'GHARBI', firstName: 'SARRA', birthDate: '12/03/2007' },
]).map((m) => m.student);

/** Evidence with the given log-likelihood ratios against nobody; the name carries all of it. */
function evidence(total: number[]): HeaderEvidence {
  return {
    total: Float64Array.from(total),
    name: Float64Array.from(total),
    date: new Float64Array(total.length),
  };
}

function claim(total: number[], label: string) {
  const e = evidence(total);
  return { decision: decideIdentity(e, STUDENTS), evidence: e, label };
}

describe('one student, one copy', () => {
  it('keeps a clear copy ready next to one that only resembles the same student', () => {
    const clear = claim([40, 5, 0], 'copy A');
    const twinLike = claim([6, 6, 0], 'copy B');
    expect(clear.decision.status).toBe('ready');
    const [a, b] = resolveConflicts([clear, twinLike], STUDENTS);
    expect(a).toMatchObject({ status: 'ready', student: STUDENTS[0] });
    expect(b?.status).toBe('needs_review');
    // Its best guess is taken; it is not given the other twin by elimination.
    expect(b?.student).toBeNull();
    expect(b?.reasons).toContain(
      'the best candidate TRABELSI ADAM is already identified on another copy: copy A',
    );
  });

  it('sends both copies to review when both read as the same student', () => {
    const [a, b] = resolveConflicts([claim([40, 5, 0], 'copy A'), claim([35, 4, 0], 'copy B')], STUDENTS);
    expect(a).toMatchObject({ status: 'needs_review', student: null });
    expect(a?.reasons).toEqual(['another copy matches the same student: copy B']);
    expect(b?.reasons).toEqual(['another copy matches the same student: copy A']);
  });

  it('sends a ready copy to review when a rival’s reading is nearly as good', () => {
    // B alone is not ready (its twin is too close) but it points at ADAM about as strongly as A does.
    const [a, b] = resolveConflicts([claim([16, 4, 0], 'copy A'), claim([15, 13, 0], 'copy B')], STUDENTS);
    expect(a?.status).toBe('needs_review');
    expect(a?.reasons).toEqual(['another copy matches the same student: copy B']);
    expect(b?.reasons).toContain('another copy matches the same student: copy A');
  });

  it('leaves copies that point at different students alone', () => {
    const decisions = resolveConflicts(
      [claim([40, 0, 0], 'A'), claim([0, 40, 0], 'B'), claim([0, 0, 40], 'C')],
      STUDENTS,
    );
    expect(decisions.map((d) => d.student)).toEqual(STUDENTS);
  });
});
