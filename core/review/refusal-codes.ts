// Why the store refused a decision, as data: a stable code and its parameters, read from the fixed English
// the decisions write (core/decisions), so a UI says it in its own language. Unknown wording is `other`
// with the English as `text`: never lost.
import type { ReviewNote } from '../manifest';

const COPY = '(?<copy>\\S+)';
const PAGE = '(?<page>file \\d+ page \\d+ \\((?:left|right|full)\\))';

/** Tried in order: the first match names the refusal. */
const REFUSALS: { code: string; pattern: RegExp }[] = [
  { code: 'no-copy', pattern: new RegExp(`^there is no copy ${COPY}$`) },
  { code: 'page-not-found', pattern: new RegExp(`^no copy holds ${PAGE}$`) },
  { code: 'page-in-rescan', pattern: new RegExp(`^${PAGE} is a page of a rescan, in no copy`) },
  { code: 'already-assigned', pattern: new RegExp(`^copy ${COPY} is already assigned to (?<student>.+)$`) },
  { code: 'already-unassigned', pattern: new RegExp(`^copy ${COPY} is already without a student$`) },
  {
    code: 'already-there',
    pattern: new RegExp(`^${PAGE} is already page (?<position>\\d+) of copy ${COPY}$`),
  },
  {
    code: 'pages-already-there',
    pattern: new RegExp(`^these (?<count>\\d+) pages are already in place in copy ${COPY}$`),
  },
  { code: 'page-twice', pattern: new RegExp(`^${PAGE} is named twice$`) },
  { code: 'already-turned', pattern: new RegExp(`^${PAGE} is already turned (?<rotate>\\d+)°$`) },
  { code: 'already-blank', pattern: new RegExp(`^${PAGE} is already blank$`) },
  { code: 'already-not-blank', pattern: new RegExp(`^${PAGE} is already not blank$`) },
  {
    code: 'no-position',
    pattern: new RegExp(`^copy ${COPY} has no position (?<position>\\d+) for the pages?$`),
  },
  {
    code: 'cannot-split',
    pattern: new RegExp(
      `^copy ${COPY} has (?<pages>\\d+) pages: it cannot be split before page (?<at>\\d+)$`,
    ),
  },
  { code: 'merge-itself', pattern: new RegExp(`^copy ${COPY} cannot be merged into itself$`) },
  {
    code: 'different-students',
    pattern:
      /^copies (?<copy>\S+) and (?<other>\S+) belong to different students \((?<student>.+), (?<otherStudent>.+)\)/,
  },
  {
    code: 'order-already-checked',
    pattern: new RegExp(`^the page order of copy ${COPY} is already checked$`),
  },
  { code: 'order-not-checked', pattern: new RegExp(`^the page order of copy ${COPY} is already unchecked$`) },
  {
    code: 'already-not-on-roster',
    pattern: new RegExp(`^copy ${COPY} is already marked as not on the roster$`),
  },
  { code: 'already-validated', pattern: new RegExp(`^copy ${COPY} is already validated$`) },
  { code: 'no-student', pattern: new RegExp(`^copy ${COPY} has no student`) },
  {
    code: 'not-multiple-of-four',
    pattern: new RegExp(`^copy ${COPY} has (?<pages>\\d+) sheet pages, not a multiple of 4`),
  },
  { code: 'student-has-copy', pattern: new RegExp(`^(?<student>.+) also has copy ${COPY}: merge`) },
  { code: 'not-a-rescan', pattern: new RegExp(`^${PAGE} is not a page of a rescan$`) },
  {
    code: 'rescan-other-copy',
    pattern: /^the rescan holding .+ repeats a sheet of copy (?<other>\S+), not of copy (?<copy>\S+)$/,
  },
  {
    code: 'rescan-not-matching',
    pattern: new RegExp(`^copy ${COPY} from page (?<at>\\d+) on is not a sheet read as the rescan is`),
  },
  {
    code: 'not-in-roster',
    pattern: /^(?<student>.+) <(?<email>[^>]+)> is not a student of the roster (?<roster>.+)$/,
  },
  { code: 'nothing-to-undo', pattern: /^there is nothing to undo$/ },
  { code: 'nothing-to-redo', pattern: /^there is nothing to redo$/ },
  { code: 'not-processed', pattern: /^the batch is not processed yet$/ },
  { code: 'malformed', pattern: /^malformed decision: (?<text>.+)$/ },
];

export const REFUSAL_CODES = [...REFUSALS.map((refusal) => refusal.code), 'other'];

export function refusalNote(problem: string): ReviewNote {
  for (const { code, pattern } of REFUSALS) {
    const match = pattern.exec(problem);
    if (match) return { code, params: { ...match.groups } };
  }
  return { code: 'other', params: { text: problem } };
}
