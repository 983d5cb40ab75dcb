// The panel's list of what is wrong with the hot folder: each problem as a code and its parameters, with
// its time, newest first, a few only, and gone once it is over.
import { describe, expect, it } from 'vitest';
import type { HotFolderProblem } from '../../core/api/contract';
import { KEPT_PROBLEMS, withEvent } from '../../core/watch/hot-folder-problems';
import type { HotFolderEvent } from '../../core/watch/hot-folder';

const AT = '2026-12-03T12:00:00.000Z';
const after = (events: HotFolderEvent[]) =>
  events.reduce<HotFolderProblem[]>(
    (problems, event, index) => withEvent(problems, event, `${AT}#${index}`),
    [],
  );

describe('hot folder problems', () => {
  it('keeps each problem as a code with its parameters and its time, newest first', () => {
    expect(
      after([
        {
          kind: 'refused',
          files: ['SKM1.pdf', 'SKM2.pdf'],
          code: 'pdf-corrupt',
          error: 'SKM1.pdf: truncated',
        },
        { kind: 'folder-unavailable', cause: 'denied', reason: 'permission denied' },
        { kind: 'roster-unavailable', code: 'file-not-found', error: 'Roster file not found: /r.csv' },
      ]),
    ).toEqual([
      {
        code: 'roster-unreadable',
        params: { error: 'file-not-found', detail: 'Roster file not found: /r.csv' },
        at: `${AT}#2`,
      },
      { code: 'folder-unavailable', params: { cause: 'denied', detail: 'permission denied' }, at: `${AT}#1` },
      {
        code: 'files-refused',
        params: { files: 'SKM1.pdf, SKM2.pdf', error: 'pdf-corrupt', detail: 'SKM1.pdf: truncated' },
        at: `${AT}#0`,
      },
    ]);
  });

  it('drops a problem once it is over: the folder back, the roster readable, a refused file imported', () => {
    const refused = (name: string): HotFolderEvent => ({
      kind: 'refused',
      files: [name],
      code: 'not-a-pdf',
      error: `${name}: not a PDF file`,
    });
    const codes = (events: HotFolderEvent[]) => after(events).map((problem) => problem.code);
    expect(
      codes([
        { kind: 'folder-unavailable', cause: 'missing', reason: 'gone' },
        { kind: 'roster-unavailable', code: 'roster-invalid', error: 'bad roster' },
        { kind: 'folder-available' },
      ]),
    ).toEqual(['roster-unreadable']);
    expect(
      codes([
        { kind: 'roster-unavailable', code: 'roster-invalid', error: 'bad' },
        { kind: 'roster-available' },
      ]),
    ).toEqual([]);
    const settled = after([
      refused('a.pdf'),
      refused('b.pdf'),
      { kind: 'imported', files: ['a.pdf', 'c.pdf'], batchId: 'x', copies: 1, needsReview: 0 },
    ]);
    expect(settled.map((problem) => problem.params.files)).toEqual(['b.pdf']);
    expect(after([refused('b.pdf'), { kind: 'already-imported', files: ['b.pdf'], batchId: 'x' }])).toEqual(
      [],
    );
  });

  it(`keeps the last ${KEPT_PROBLEMS} only`, () => {
    const many = Array.from({ length: KEPT_PROBLEMS + 3 }, (_, index): HotFolderEvent => ({
      kind: 'refused',
      files: [`SKM${index}.pdf`],
      code: 'not-a-pdf',
      error: 'not a PDF',
    }));
    const kept = after(many);
    expect(kept).toHaveLength(KEPT_PROBLEMS);
    expect(kept[0]!.params.files).toBe(`SKM${KEPT_PROBLEMS + 2}.pdf`);
  });
});
