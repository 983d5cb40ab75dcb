// The pure side of decisions: undo/redo resolution from the log alone, and refusals that need a setting
// the store tests do not build (two students, a validated copy).
import { describe, expect, it } from 'vitest';
import type { ManifestCopy } from '../../core/manifest';
import { applyDecision } from '../../core/decisions/apply-decision';
import { applyDecisions } from '../../core/decisions/apply-decisions';
import type { Decision, LogAction, LogEntry } from '../../core/decisions/decision';
import { resolveHistory } from '../../core/decisions/history';
import { LEA, PAUL, SOURCES, sheet } from './decision-copies';
import { NOT_IDENTIFIED, NOT_ON_ROSTER } from '../../core/pipeline/copies';

const log = (...actions: LogAction[]): LogEntry[] =>
  actions.map((action, index) => ({ seq: index + 1, at: '2026-03-02T08:30:00Z', operator: 'alice', action }));

const validate = (copy: ManifestCopy): Decision => ({ kind: 'validate-copy', copyId: copy.id });

/** Copies alone, nothing set aside: the decisions that do not involve a rescan. */
const decide = (copies: ManifestCopy[], decision: Decision): ManifestCopy[] =>
  applyDecision({ copies, rescans: [] }, decision, SOURCES).copies;

describe('undo and redo from the log', () => {
  it('undoes the latest decision in force, redoes the latest undone, and forgets redo on a new decision', () => {
    const a: Decision = { kind: 'split-copy', copyId: 'x', at: 1 };
    const b: Decision = { kind: 'validate-copy', copyId: 'y' };
    expect(resolveHistory(log(a, b, { kind: 'undo', target: 2 }))).toEqual({
      active: [{ seq: 1, decision: a }],
      undoable: 1,
      redoable: 2,
    });
    expect(
      resolveHistory(
        log(a, b, { kind: 'undo', target: 2 }, { kind: 'undo', target: 1 }, { kind: 'redo', target: 1 }),
      ),
    ).toEqual({ active: [{ seq: 1, decision: a }], undoable: 1, redoable: 2 });
    expect(resolveHistory(log(a, { kind: 'undo', target: 1 }, b))).toEqual({
      active: [{ seq: 3, decision: b }],
      undoable: 3,
      redoable: undefined,
    });
  });

  it('refuses a log whose undo or redo does not name the entry on top of its stack', () => {
    const a: Decision = { kind: 'validate-copy', copyId: 'x' };
    expect(() => resolveHistory(log(a, a, { kind: 'undo', target: 1 }))).toThrow(
      /log entry 3: undo of 1, but the undo stack holds 2/,
    );
    expect(() => resolveHistory(log(a, { kind: 'redo', target: 1 }))).toThrow(/redo stack holds nothing/);
  });

  it('replays to the same copies however often, and an undone decision leaves no trace', () => {
    const copies = [sheet(1), sheet(3)];
    const assign: Decision = { kind: 'assign-student', copyId: copies[0]!.id, student: PAUL };
    const planned = { copies, rescans: [] };
    const replayed = applyDecisions(
      planned,
      log(assign, validate(copies[0]!), { kind: 'undo', target: 2 }),
      SOURCES,
    );
    expect(replayed).toEqual(applyDecision(planned, assign, SOURCES));
    expect(applyDecisions(planned, log(assign, { kind: 'undo', target: 1 }), SOURCES)).toEqual(planned);
  });
});

describe('decisions that must be refused', () => {
  it('will not merge the copies of two different students', () => {
    const copies = [sheet(1, PAUL), sheet(3, LEA)];
    expect(() =>
      decide(copies, { kind: 'merge-copies', copyId: copies[1]!.id, intoCopyId: copies[0]!.id }),
    ).toThrow(/belong to different students \(MARTIN PAUL, MARTIN LEA\)/);
  });

  it('will not validate a copy while its student has another copy in the batch', () => {
    const copies = [sheet(1, PAUL), sheet(3, PAUL)];
    expect(() => decide(copies, validate(copies[0]!))).toThrow(
      /MARTIN PAUL also has copy .*-p0003-right: merge the two copies/,
    );
    const merged = decide(copies, { kind: 'merge-copies', copyId: copies[1]!.id, intoCopyId: copies[0]!.id });
    expect(decide(merged, validate(merged[0]!))[0]).toMatchObject({
      status: 'ready',
      reasons: [],
    });
  });

  it('refuses what would change nothing', () => {
    const copies = [sheet(1, PAUL)];
    const page = copies[0]!.pages[1]!;
    const noOps: [Decision, RegExp][] = [
      [{ kind: 'assign-student', copyId: copies[0]!.id, student: PAUL }, /already assigned to MARTIN PAUL/],
      [{ kind: 'rotate-page', page, rotate: 0 }, /already turned 0°/],
      [{ kind: 'mark-blank', page, blank: false }, /already not blank/],
      [{ kind: 'move-page', page, toCopyId: copies[0]!.id, toIndex: 1 }, /already page 2 of copy/],
      [{ kind: 'move-page', page, toCopyId: copies[0]!.id, toIndex: 4 }, /has no position 5 for the page/],
    ];
    for (const [decision, message] of noOps) expect(() => decide(copies, decision)).toThrow(message);
  });

  it('sends a validated copy back to review when one of its pages changes', () => {
    const [ready] = decide([sheet(1, PAUL)], validate(sheet(1, PAUL)));
    const [blanked] = decide([ready!], { kind: 'mark-blank', page: ready!.pages[3]!, blank: true });
    expect(blanked).toMatchObject({ status: 'needs_review', student: PAUL, reasons: [] });
  });
});

describe('a copy whose student is not on the roster', () => {
  it('stays without a student and says why, is refused twice, and loses the note once assigned', () => {
    const copies = [sheet(1, PAUL), sheet(3)];
    const marked = decide(copies, { kind: 'not-on-roster', copyId: copies[0]!.id });
    expect(marked[0]).toMatchObject({ student: null, status: 'needs_review' });
    expect(marked[0]!.reasons).toEqual([NOT_IDENTIFIED, NOT_ON_ROSTER]);
    expect(() => decide(marked, { kind: 'not-on-roster', copyId: marked[0]!.id })).toThrow(
      /already marked as not on the roster/,
    );
    const assigned = decide(marked, { kind: 'assign-student', copyId: marked[0]!.id, student: LEA });
    expect(assigned[0]!.reasons).toEqual([]);
    expect(assigned[0]!.student).toEqual(LEA);
  });
});

describe('accept: assign and validate as one decision', () => {
  it('assigns and validates in one log entry, so one undo takes both back', () => {
    const copies = [sheet(1), sheet(3)];
    const accept: Decision = { kind: 'accept', copyId: copies[0]!.id, student: PAUL };
    const planned = { copies, rescans: [] };
    const accepted = applyDecisions(planned, log(accept), SOURCES).copies;
    expect(accepted[0]).toMatchObject({ id: copies[0]!.id, status: 'ready', student: PAUL, reasons: [] });
    expect(applyDecisions(planned, log(accept, { kind: 'undo', target: 1 }), SOURCES)).toEqual(planned);
    // Already that student's (the matcher was unsure of something else): accepting validates it.
    expect(decide([sheet(5, LEA)], { ...accept, copyId: sheet(5).id, student: LEA })[0]!.status).toBe(
      'ready',
    );
  });

  it('is refused whole when the copy cannot be validated (the student has another copy)', () => {
    const copies = [sheet(1, PAUL), sheet(3)];
    expect(() => decide(copies, { kind: 'accept', copyId: copies[1]!.id, student: PAUL })).toThrow(
      /MARTIN PAUL also has copy/,
    );
  });
});

describe("a teacher's page-order check", () => {
  it('marks the copy, keeps its status, survives an assignment and is dropped by a change of pages', () => {
    const [ready] = decide([sheet(1, PAUL)], validate(sheet(1, PAUL)));
    const check: Decision = { kind: 'check-page-order', copyId: ready!.id, checked: true };
    const [checked] = decide([ready!], check);
    expect(checked).toMatchObject({ status: 'ready', pageOrderChecked: true });
    expect(() => decide([checked!], check)).toThrow(/page order of copy .* is already checked/);
    expect(decide([checked!], { ...check, checked: false })[0]).not.toHaveProperty('pageOrderChecked');
    const [reassigned] = decide([checked!], { kind: 'assign-student', copyId: ready!.id, student: LEA });
    expect(reassigned!.pageOrderChecked).toBe(true);
    const [blanked] = decide([checked!], { kind: 'mark-blank', page: checked!.pages[3]!, blank: true });
    expect(blanked!.pageOrderChecked).toBe(true);
    const [turned] = decide([checked!], { kind: 'rotate-page', page: checked!.pages[1]!, rotate: 180 });
    expect(turned).not.toHaveProperty('pageOrderChecked');
    const [moved] = decide([checked!], {
      kind: 'move-page',
      page: checked!.pages[3]!,
      toCopyId: checked!.id,
      toIndex: 0,
    });
    expect(moved).not.toHaveProperty('pageOrderChecked');
  });
});
