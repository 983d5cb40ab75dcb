// Every sentence the station's producers write gets its own code (never `other`), with its variable
// parts as parameters; a sentence of unknown wording keeps its English under `other`.
import { describe, expect, it } from 'vitest';
import { NEITHER_HEADER_NOR_PAGE_BOX } from '../../core/identify/read-side';
import { NO_HEADER_FOUND, RECTO_NOT_SCANNED } from '../../core/identify/sheet-from-sides';
import { bestCandidateTaken, REASON, sameStudentElsewhere } from '../../core/identify/match/reasons';
import { ANNEX_REASON } from '../../core/pipeline/annexes';
import { NOT_IDENTIFIED, notMultipleOfFour } from '../../core/pipeline/copies';
import { positionalPairing } from '../../core/pipeline/pair-sides';
import { reviewNote, REVIEW_CODES } from '../../core/review/review-codes';

const CODED: [string, string, Record<string, string>][] = [
  [NOT_IDENTIFIED, 'not-identified', {}],
  [notMultipleOfFour(6), 'not-multiple-of-four', { pages: '6' }],
  [notMultipleOfFour(1), 'not-multiple-of-four', { pages: '1' }],
  [REASON.headerEmpty, 'header-empty', {}],
  [REASON.headerUnreadable, 'header-unreadable', {}],
  [REASON.noRosterMatch, 'no-roster-match', {}],
  [REASON.weakMatch, 'weak-match', {}],
  [REASON.nameTooWeak, 'name-too-weak', {}],
  [REASON.dateDisagrees, 'date-disagrees', {}],
  [REASON.closeCandidates, 'close-candidates', {}],
  [sameStudentElsewhere('the copy starting at sheet 7'), 'same-student-elsewhere', { copyNumber: '7' }],
  [
    sameStudentElsewhere('the copy starting at the sheet at SKM1.pdf page 5'),
    'same-student-elsewhere',
    { copyFile: 'SKM1.pdf', copyPage: '5' },
  ],
  [
    bestCandidateTaken('DUPONT Marie', 'the copy starting at first sheet'),
    'best-candidate-taken',
    { student: 'DUPONT Marie', copyFirst: 'first sheet' },
  ],
  [
    'the next sheet may belong to this copy: the sheet at SKM1.pdf page 3',
    'next-sheet-may-belong',
    { nextFile: 'SKM1.pdf', nextPage: '3' },
  ],
  ['the next sheet may belong to this copy: sheet 4', 'next-sheet-may-belong', { nextNumber: '4' }],
  [
    'copy abc-p0001-right: page 5 (SKM1.pdf page 3 left) follows an annex',
    'page-misplaced',
    { copy: 'abc-p0001-right', position: '5', label: 'SKM1.pdf page 3 left', how: 'after-annex' },
  ],
  [NEITHER_HEADER_NOR_PAGE_BOX, 'neither-header-nor-page-box', {}],
  [
    positionalPairing('SKM1.pdf page 3', 'SKM1.pdf page 4'),
    'positional-pairing',
    { atFile: 'SKM1.pdf', atPage: '3', nextFile: 'SKM1.pdf', nextPage: '4' },
  ],
  [NO_HEADER_FOUND, 'no-header-found', {}],
  [RECTO_NOT_SCANNED, 'recto-not-scanned', {}],
  [
    `the sheet at SKM1.pdf page 3: ${REASON.headerUnreadable}`,
    'header-unreadable',
    { sheetFile: 'SKM1.pdf', sheetPage: '3' },
  ],
  [`first sheet: ${REASON.headerEmpty}`, 'header-empty', { sheetFirst: 'first sheet' }],
  ['sheet 4: unclear whether it starts a new copy', 'unclear-new-copy', { sheetNumber: '4' }],
  [
    'loose page, not part of a folded A3 sheet: SKM2.pdf page 12',
    'loose-page',
    { atFile: 'SKM2.pdf', atPage: '12' },
  ],
  [
    `${ANNEX_REASON.notAttached}: SKM1.pdf page 9`,
    'annex-not-attached',
    { annexFile: 'SKM1.pdf', annexPage: '9' },
  ],
  [`${ANNEX_REASON.noCopy}: DUPONT Marie`, 'annex-student-no-copy', { student: 'DUPONT Marie' }],
  [`${ANNEX_REASON.copyInReview}: DUPONT Marie`, 'annex-student-in-review', { student: 'DUPONT Marie' }],
  [`${ANNEX_REASON.severalCopies}: DUPONT Marie`, 'annex-student-several', { student: 'DUPONT Marie' }],
  [
    'SKM1.pdf page 2 (left) is in 2 copies',
    'page-in-several-copies',
    { atFile: 'SKM1.pdf', atPage: '2', half: 'left', count: '2' },
  ],
  [
    'copy abc-p0001-right has 6 sheet pages and is not flagged for review',
    'not-flagged',
    { copy: 'abc-p0001-right', pages: '6' },
  ],
];

describe('review codes', () => {
  it.each(CODED)('codes %j', (text, code, params) => {
    expect(reviewNote(text)).toEqual({ code, params });
  });

  it('keeps an unknown sentence as English under `other`', () => {
    expect(reviewNote('the copier jammed')).toEqual({ code: 'other', params: { text: 'the copier jammed' } });
  });

  it('lists each code once', () => {
    expect(new Set(REVIEW_CODES).size).toBe(REVIEW_CODES.length);
    for (const [, code] of CODED) expect(REVIEW_CODES).toContain(code);
  });
});
