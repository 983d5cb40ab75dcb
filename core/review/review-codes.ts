// Review output as data: every reason, warning and invariant violation the station writes in short
// stable English (see core/identify/match/reasons.ts) gets a stable code and its variable parts as
// parameters, so a UI translates it without reading English. The codes are derived from the fixed wording
// here, in one table, so the producers keep writing their sentences and old manifests gain codes too.
import type { ReviewNote } from '../manifest';

/** A scan page as the pipeline names it: "SKM1.pdf page 3". */
const PAGE = (name: string) => `(?<${name}File>.+?) page (?<${name}Page>\\d+)`;

/**
 * A sheet as reasons name it: the pipeline's "the sheet at SKM1.pdf page 3", or the identification's own
 * "sheet 4" / "first sheet". Its parts become `<name>File` and `<name>Page`, `<name>Number` or `<name>First`.
 */
const SHEET = (name: string) =>
  `(?:the sheet at ${PAGE(name)}|sheet (?<${name}Number>\\d+)|(?<${name}First>first sheet))`;

/**
 * Codes of sentences that stand alone (a copy's reason, or the part after a sheet's label). `words` turns a
 * parameter that can only be one of a few English phrases into a word of its own, for the UI to translate.
 */
const TABLE: readonly { code: string; pattern: string; words?: Record<string, Record<string, string>> }[] = [
  { code: 'not-identified', pattern: 'student not identified' },
  { code: 'not-on-roster', pattern: 'the operator found the student is not on the roster' },
  { code: 'not-multiple-of-four', pattern: '(?<pages>\\d+) pages?, not a multiple of 4' },
  { code: 'header-empty', pattern: 'the header is empty' },
  { code: 'header-unreadable', pattern: 'the header could not be read' },
  { code: 'no-roster-match', pattern: 'no roster student matches the header' },
  { code: 'weak-match', pattern: 'the best roster match is too weak' },
  { code: 'name-too-weak', pattern: 'the name is too poorly read to identify the student' },
  { code: 'date-disagrees', pattern: 'the birth date does not match the best roster match' },
  { code: 'close-candidates', pattern: 'several roster students match the header closely' },
  {
    code: 'same-student-elsewhere',
    pattern: `another copy matches the same student: the copy starting at ${SHEET('copy')}`,
  },
  {
    code: 'best-candidate-taken',
    pattern: `the best candidate (?<student>.+) is already identified on another copy: the copy starting at ${SHEET('copy')}`,
  },
  { code: 'empty-header-no-page-box', pattern: 'empty header and no readable page box' },
  { code: 'unclear-new-copy', pattern: 'unclear whether it starts a new copy' },
  { code: 'next-sheet-may-belong', pattern: `the next sheet may belong to this copy: ${SHEET('next')}` },
  { code: 'page-one-empty-header', pattern: 'page box says page 1 under an empty header' },
  {
    code: 'header-contradicts-page-box',
    pattern: 'page box continues the previous copy but the header names someone else',
  },
  {
    code: 'neither-header-nor-page-box',
    pattern: 'neither an exam header nor a page box found on this A3 side',
  },
  { code: 'no-header-found', pattern: 'no exam header found on P1 \\(neither upright nor upside down\\)' },
  { code: 'recto-not-scanned', pattern: 'the recto of this sheet \\(P1 and its header\\) was not scanned' },
  { code: 'read-timeout', pattern: 'reading the side took over (?<seconds>[\\d.]+) s' },
  { code: 'read-failed', pattern: 'the side could not be read: (?<detail>.+)' },
  {
    code: 'sheet-without-verso',
    pattern: `sheet without its verso: ${PAGE('at')} is followed by no A3 side \\(only P1 and P4\\)`,
  },
  { code: 'loose-page', pattern: `loose page, not part of a folded A3 sheet: ${PAGE('at')}` },
  { code: 'annex-not-attached', pattern: `annex page not attached to a copy: ${PAGE('annex')}` },
  { code: 'annex-student-no-copy', pattern: 'its student has no copy in the batch: (?<student>.+)' },
  { code: 'annex-student-in-review', pattern: "its student's copy is in review: (?<student>.+)" },
  { code: 'annex-student-several', pattern: 'its student may have several copies: (?<student>.+)' },
  { code: 'annex-no-header', pattern: 'no header on this A4 page' },
  {
    code: 'recto-missing',
    pattern: `recto missing for ${PAGE('at')}: a verso \\(P2, P3\\) with no recto next to it \\(a side dropped by the scanner\\?\\)`,
  },
  { code: 'verso-missing', pattern: `verso missing after ${PAGE('at')}: (?<detail>.+)` },
  {
    code: 'positional-pairing',
    pattern: `paired by position alone: ${PAGE('at')} and ${PAGE('next')} \\(what one of them is could not be told\\)`,
  },
  {
    code: 'odd-side-run',
    pattern: `${PAGE('at')} has no verso: its sheet is incomplete \\(P1 and P4 only\\)(?<detail>.*)`,
  },
  {
    code: 'scan-too-coarse',
    pattern: '(?<file>[^:]+): scanned too coarse to read the handwritten headers (?<detail>.+)',
  },
  { code: 'odd-page-size', pattern: '(?<file>[^:]+): (?<count>\\d+) pages? neither A3 nor A4 (?<detail>.+)' },
  {
    code: 'mixed-rotations',
    pattern: '(?<file>[^:]+): pages of the same size are stored with different rotations (?<detail>.+)',
  },
  // Invariant violations.
  { code: 'page-never-classified', pattern: `${PAGE('at')} was never classified` },
  {
    code: 'page-in-several-copies',
    pattern: `${PAGE('at')} \\((?<half>\\w+)\\) is in (?<count>\\d+) copies`,
  },
  { code: 'unknown-half', pattern: 'a copy holds (?<key>.+), which is no half of any scanned page' },
  {
    code: 'not-flagged',
    pattern: 'copy (?<copy>\\S+) has (?<pages>\\d+) sheet pages and is not flagged for review',
  },
  {
    code: 'page-misplaced',
    pattern:
      'copy (?<copy>\\S+): page (?<position>\\d+) \\((?<label>.+)\\) (?<how>follows an annex|is not in the stack|does not start a sheet read as P1, P2, P3, P4|is out of stack order)',
    words: {
      how: {
        'follows an annex': 'after-annex',
        'is not in the stack': 'not-in-stack',
        'does not start a sheet read as P1, P2, P3, P4': 'not-sheet-start',
        'is out of stack order': 'out-of-order',
      },
    },
  },
  // Last: its wording is the loosest.
  { code: 'unusual-page', pattern: `${PAGE('at')} is (?<detail>.+)` },
];

/** How reasons name a sheet: the pipeline's label, or the identification's own. */
const SHEET_PREFIX = new RegExp(`^${SHEET('sheet')}: (?<rest>.+)$`);

const COMPILED = TABLE.map(({ code, pattern, words }) => ({
  code,
  pattern: new RegExp(`^${pattern}$`),
  words: words ?? {},
}));

/** Every code a note may carry, `other` included: what a UI's catalogue must translate. */
export const REVIEW_CODES: readonly string[] = [...TABLE.map(({ code }) => code), 'other'];

function matchTable(text: string): ReviewNote | null {
  for (const { code, pattern, words } of COMPILED) {
    const match = pattern.exec(text);
    if (!match) continue;
    const params = Object.entries(match.groups ?? {}).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, words[key]?.[value] ?? value]],
    );
    return { code, params: Object.fromEntries(params) as Record<string, string> };
  }
  return null;
}

/** The code of one sentence; `other` (with the sentence as `text`) when its wording is not known. */
export function reviewNote(text: string): ReviewNote {
  const whole = matchTable(text);
  if (whole) return whole;
  const sheet = SHEET_PREFIX.exec(text)?.groups;
  const inner = sheet?.rest === undefined ? null : matchTable(sheet.rest);
  if (sheet && inner) {
    const { rest: _rest, ...label } = sheet;
    const defined = Object.entries(label).filter(([, value]) => value !== undefined);
    return { code: inner.code, params: { ...inner.params, ...Object.fromEntries(defined) } };
  }
  return { code: 'other', params: { text } };
}
