// Where each A4 annex goes. An annex names its student in its own header; it joins the end of that
// student's copy only when both are beyond doubt: the header matches the student at the bar a copy needs to
// be `ready`, and the student has exactly one copy, itself `ready`. Otherwise it stays a copy of its own
// for review, saying why and with its ranked candidates. A wrongly attached annex hands one student's work
// to another where nobody looks again; an annex left to review costs a click.
import { KorrigoError } from '../errors';
import { decideIdentity, type IdentityDecision } from '../identify/match/decide-identity';
import { createHeaderMatcher, type HeaderMatcher } from '../identify/match/header-matcher';
import { REASON } from '../identify/match/reasons';
import type { HeaderReading } from '../identify/types';
import type { ManifestCopy, ManifestPage } from '../manifest';
import type { RosterStudent } from '../roster/load-roster';

/** A loose A4 page of the stack whose own identification frame was found and read. */
export interface AnnexPage {
  /** 1-based file index and page number, as in the manifest: the page is planned as a copy of its own. */
  file: number;
  source: number;
  header: HeaderReading;
  /** Fed upside down: it is turned 180° in whichever copy holds it. */
  upsideDown: boolean;
  /** How reasons name the page, e.g. "annexes.pdf page 2". */
  label: string;
}

export type AnnexPlacement =
  | { kind: 'attached'; file: number; source: number; copy: string; student: string }
  | { kind: 'review'; file: number; source: number; copy: string; reasons: string[] };

export interface PlacedAnnexes {
  /** The copies given, in their order, less the annexes' own copies that were attached. */
  copies: ManifestCopy[];
  /** One per annex, in the order given: which copy it ended in, for logs and measurements. */
  placements: AnnexPlacement[];
}

export const ANNEX_REASON = {
  notAttached: 'annex page not attached to a copy',
  noCopy: 'its student has no copy in the batch',
  copyInReview: "its student's copy is in review",
  severalCopies: 'its student may have several copies',
} as const;

/**
 * Pages of a copy that count for the multiple-of-4 rule: an exam sheet is 4 pages, an annex one page of
 * its own whatever the sheets around it.
 */
export function sheetPageCount(copy: Pick<ManifestCopy, 'pages'>): number {
  return copy.pages.filter((page) => page.kind !== 'annex').length;
}

export function placeAnnexes(
  copies: readonly ManifestCopy[],
  annexes: readonly AnnexPage[],
  students: readonly RosterStudent[],
): PlacedAnnexes {
  const ownCopies = annexes.map((annex) => ownCopyOf(copies, annex));
  const annexCopies = new Set(ownCopies);
  // The same page placed twice would be in two copies.
  if (annexCopies.size !== annexes.length) throw new KorrigoError('internal', 'an annex page is given twice');
  const studentCopies = copies.filter((copy) => !annexCopies.has(copy));
  const matcher = createHeaderMatcher(students);

  const appended = new Map<ManifestCopy, ManifestPage[]>();
  const inReview = new Map<ManifestCopy, ManifestCopy>();
  const placements = annexes.map((annex, i): AnnexPlacement => {
    const own = ownCopies[i] as ManifestCopy;
    const page = annexPage(own, annex);
    // `student` is set only when the match clears the `ready` bar.
    const identity = identityOf(annex.header, matcher, students);
    const reasons = [`${ANNEX_REASON.notAttached}: ${annex.label}`, ...identity.reasons];
    if (identity.student) {
      const target = copyOfStudent(studentCopies, identity.student);
      if ('copy' in target) {
        appended.set(target.copy, [...(appended.get(target.copy) ?? []), page]);
        const { file, source } = annex;
        return { kind: 'attached', file, source, copy: target.copy.id, student: identity.student.email };
      }
      reasons.push(`${target.problem}: ${identity.student.name}`);
    }
    inReview.set(own, reviewCopy(own, page, identity, reasons));
    return { kind: 'review', file: annex.file, source: annex.source, copy: own.id, reasons };
  });

  const placed = copies.flatMap((copy) => {
    if (annexCopies.has(copy)) return inReview.get(copy) ?? [];
    const extra = appended.get(copy);
    return extra ? { ...copy, pages: [...copy.pages, ...inStackOrder(extra)] } : copy;
  });
  return { copies: placed, placements };
}

function ownCopyOf(copies: readonly ManifestCopy[], annex: AnnexPage): ManifestCopy {
  const own = copies.find((copy) =>
    copy.pages.some((p) => p.file === annex.file && p.source === annex.source && p.half === 'full'),
  );
  if (!own || own.pages.length !== 1) {
    throw new KorrigoError('internal', `annex ${annex.label} is not planned as a copy of its own`);
  }
  return own;
}

function annexPage(own: ManifestCopy, annex: AnnexPage): ManifestPage {
  const page = own.pages[0] as ManifestPage;
  return { ...page, rotate: annex.upsideDown ? 180 : 0, kind: 'annex' };
}

/** The same bar as a copy's first sheet: an empty frame names nobody, a filled one must clear `ready`. */
function identityOf(
  header: HeaderReading,
  matcher: HeaderMatcher,
  students: readonly RosterStudent[],
): IdentityDecision {
  if (header.empty) {
    return {
      status: 'needs_review',
      student: null,
      confidence: 0,
      reasons: [REASON.headerEmpty],
      candidates: [],
    };
  }
  return decideIdentity(matcher.score(header), students);
}

/**
 * The student's one `ready` copy, or why there is none to join. A copy in review whose best guess is the
 * student counts as possibly theirs, as it does for the absent list: joining the other copy could put the
 * annex after the wrong part of the student's work, and joining it could give the annex to whoever the
 * operator finds the copy is for.
 */
function copyOfStudent(
  copies: readonly ManifestCopy[],
  student: RosterStudent,
): { copy: ManifestCopy } | { problem: string } {
  const theirs = copies.filter((copy) => copy.status === 'ready' && copy.student?.email === student.email);
  const maybe = copies.filter(
    (copy) => copy.status !== 'ready' && copy.candidates[0]?.email === student.email,
  );
  if (theirs.length === 1 && maybe.length === 0) return { copy: theirs[0] as ManifestCopy };
  if (theirs.length + maybe.length > 1) return { problem: ANNEX_REASON.severalCopies };
  return { problem: maybe.length > 0 ? ANNEX_REASON.copyInReview : ANNEX_REASON.noCopy };
}

/** An annex that names nobody for sure, or whose student's copy cannot take it: a review copy of its own. */
function reviewCopy(
  own: ManifestCopy,
  page: ManifestPage,
  identity: IdentityDecision,
  reasons: string[],
): ManifestCopy {
  return {
    ...own,
    status: 'needs_review',
    student: null,
    confidence: identity.confidence,
    reasons,
    candidates: identity.candidates.map(({ student, score }) => ({
      name: student.name,
      email: student.email,
      score,
    })),
    pages: [page],
  };
}

function inStackOrder(pages: readonly ManifestPage[]): ManifestPage[] {
  return [...pages].sort((a, b) => a.file - b.file || a.source - b.source);
}
