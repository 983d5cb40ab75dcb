// One decision applied to the copies: a pure function, so the copies' state is always the planned copies
// with the log replayed over them. A decision that makes no sense now is refused, never half-applied.
import type { ManifestCandidate, ManifestCopy, ManifestPage } from '../manifest';
import { sheetPageCount } from '../pipeline/annexes';
import { NOT_ON_ROSTER } from '../pipeline/copies';
import { indexOfCopy, locatePage, pageName, replaced } from './copy-lookup';
import { contentOf, revisedCopy } from './copy-revision';
import type { CopyContent } from './copy-revision';
import { DecisionRefused } from './decision';
import type { DecidedCopies, Decision } from './decision';
import { keepRescan } from './keep-rescan';
import { followCopies, refuseRescanPage } from './rescan-links';

type Sources = readonly { sha256: string }[];
type CopiesDecision = Exclude<Decision, { kind: 'keep-rescan' }>;

export function applyDecision(state: DecidedCopies, decision: Decision, sources: Sources): DecidedCopies {
  if (decision.kind === 'keep-rescan') return keepRescan(state, decision, sources);
  if ('page' in decision) refuseRescanPage(state.rescans, decision.page);
  if ('pages' in decision) for (const page of decision.pages) refuseRescanPage(state.rescans, page);
  const copies = applyToCopies(state.copies, decision, sources);
  return { copies, rescans: followCopies(state.rescans, state.copies, copies) };
}

function applyToCopies(
  copies: readonly ManifestCopy[],
  decision: CopiesDecision,
  sources: Sources,
): ManifestCopy[] {
  switch (decision.kind) {
    case 'assign-student':
      return assignStudent(copies, decision, sources);
    case 'move-page':
      return movePages(copies, { ...decision, pages: [decision.page] }, sources);
    case 'move-pages':
      return movePages(copies, decision, sources);
    case 'rotate-page':
    case 'mark-blank':
      return changePage(copies, decision, sources);
    case 'split-copy':
      return splitCopy(copies, decision, sources);
    case 'merge-copies':
      return mergeCopies(copies, decision, sources);
    case 'validate-copy':
      return validateCopy(copies, decision);
    case 'accept':
      return accept(copies, decision, sources);
    case 'check-page-order':
      return checkPageOrder(copies, decision);
    case 'not-on-roster':
      return notOnRoster(copies, decision, sources);
  }
}

function assignStudent(
  copies: readonly ManifestCopy[],
  decision: Extract<Decision, { kind: 'assign-student' }>,
  sources: Sources,
): ManifestCopy[] {
  const index = indexOfCopy(copies, decision.copyId);
  const copy = copies[index]!;
  if (copy.student?.email === decision.student?.email && copy.student?.name === decision.student?.name) {
    throw new DecisionRefused(`copy ${copy.id} is already ${describeStudent(copy.student)}`);
  }
  const known = contentOf(copy);
  const content: CopyContent = {
    ...known,
    // Naming a student takes back an earlier "not on the roster".
    notes: decision.student ? known.notes.filter((note) => note !== NOT_ON_ROSTER) : known.notes,
    student: decision.student,
    // The operator's word is certain; without a student there is nothing to be confident about.
    confidence: decision.student ? 1 : 0,
  };
  return replaced(copies, index, revisedCopy(content, sources));
}

const describeStudent = (student: ManifestCopy['student']) =>
  student ? `assigned to ${student.name}` : 'without a student';

function movePages(
  copies: readonly ManifestCopy[],
  decision: Omit<Extract<Decision, { kind: 'move-pages' }>, 'kind'>,
  sources: Sources,
): ManifestCopy[] {
  const named = new Set<string>();
  for (const page of decision.pages) {
    if (named.has(pageName(page))) throw new DecisionRefused(`${pageName(page)} is named twice`);
    named.add(pageName(page));
  }
  const from = decision.pages.map((page) => locatePage(copies, page));
  const to = indexOfCopy(copies, decision.toCopyId);
  const moving = from.map((at) => copies[at.copy]!.pages[at.page]!);
  const pages = copies.map((copy, c) =>
    copy.pages.filter((_, p) => !from.some((at) => at.copy === c && at.page === p)),
  );
  const target = pages[to]!;
  if (decision.toIndex > target.length) {
    const what = decision.pages.length === 1 ? 'the page' : 'the pages';
    throw new DecisionRefused(
      `copy ${decision.toCopyId} has no position ${decision.toIndex + 1} for ${what}`,
    );
  }
  target.splice(decision.toIndex, 0, ...moving);
  const changed = new Set([to, ...from.map((at) => at.copy)]);
  if ([...changed].every((c) => pages[c]!.every((page, p) => page === copies[c]!.pages[p]))) {
    const [first] = decision.pages;
    throw new DecisionRefused(
      decision.pages.length === 1
        ? `${pageName(first!)} is already page ${decision.toIndex + 1} of copy ${decision.toCopyId}`
        : `these ${decision.pages.length} pages are already in place in copy ${decision.toCopyId}`,
    );
  }
  const next = copies.map((copy, index) =>
    changed.has(index)
      ? pages[index]!.length === 0
        ? undefined
        : revisedCopy({ ...contentOf(copy), pages: pages[index]! }, sources)
      : copy,
  );
  // A copy whose last page left has nothing to export: it ends.
  return next.filter((copy): copy is ManifestCopy => copy !== undefined);
}

function changePage(
  copies: readonly ManifestCopy[],
  decision: Extract<Decision, { kind: 'rotate-page' | 'mark-blank' }>,
  sources: Sources,
): ManifestCopy[] {
  const at = locatePage(copies, decision.page);
  const copy = copies[at.copy]!;
  const page = copy.pages[at.page]!;
  const changed: ManifestPage =
    decision.kind === 'rotate-page'
      ? { ...page, rotate: decision.rotate }
      : { ...page, blank: decision.blank };
  if (changed.rotate === page.rotate && changed.blank === page.blank) {
    const state =
      decision.kind === 'rotate-page' ? `turned ${page.rotate}°` : page.blank ? 'blank' : 'not blank';
    throw new DecisionRefused(`${pageName(decision.page)} is already ${state}`);
  }
  const pages = copy.pages.map((other, index) => (index === at.page ? changed : other));
  return replaced(copies, at.copy, revisedCopy({ ...contentOf(copy), pages }, sources));
}

function splitCopy(
  copies: readonly ManifestCopy[],
  decision: Extract<Decision, { kind: 'split-copy' }>,
  sources: Sources,
): ManifestCopy[] {
  const index = indexOfCopy(copies, decision.copyId);
  const copy = copies[index]!;
  if (decision.at >= copy.pages.length) {
    throw new DecisionRefused(
      `copy ${copy.id} has ${copy.pages.length} pages: it cannot be split before page ${decision.at + 1}`,
    );
  }
  const content = contentOf(copy);
  const head = revisedCopy({ ...content, pages: copy.pages.slice(0, decision.at) }, sources);
  // The pages split off are most likely another student's: they start unidentified.
  const tail = revisedCopy(
    { ...content, pages: copy.pages.slice(decision.at), student: null, confidence: 0, candidates: [] },
    sources,
  );
  return replaced(copies, index, head, tail);
}

function mergeCopies(
  copies: readonly ManifestCopy[],
  decision: Extract<Decision, { kind: 'merge-copies' }>,
  sources: Sources,
): ManifestCopy[] {
  const from = indexOfCopy(copies, decision.copyId);
  const into = indexOfCopy(copies, decision.intoCopyId);
  if (from === into) throw new DecisionRefused(`copy ${decision.copyId} cannot be merged into itself`);
  const [a, b] = [copies[into]!, copies[from]!];
  if (a.student && b.student && a.student.email !== b.student.email) {
    throw new DecisionRefused(
      `copies ${a.id} and ${b.id} belong to different students (${a.student.name}, ${b.student.name}): take one assignment back first`,
    );
  }
  const owner = a.student ? a : b;
  const merged = revisedCopy(
    {
      pages: [...a.pages, ...b.pages],
      student: owner.student,
      confidence: owner.confidence,
      candidates: mergeCandidates(a.candidates, b.candidates),
      notes: [...new Set([...contentOf(a).notes, ...contentOf(b).notes])],
    },
    sources,
  );
  return copies.flatMap((copy, index) => (index === into ? [merged] : index === from ? [] : [copy]));
}

/** Each student once, with the better score of the two copies, best first. */
function mergeCandidates(
  a: readonly ManifestCandidate[],
  b: readonly ManifestCandidate[],
): ManifestCandidate[] {
  const best = new Map<string, ManifestCandidate>();
  for (const candidate of [...a, ...b]) {
    const known = best.get(candidate.email);
    if (!known || candidate.score > known.score) best.set(candidate.email, candidate);
  }
  return [...best.values()].sort((x, y) => y.score - x.score);
}

function accept(
  copies: readonly ManifestCopy[],
  decision: Extract<Decision, { kind: 'accept' }>,
  sources: Sources,
): ManifestCopy[] {
  const copy = copies[indexOfCopy(copies, decision.copyId)]!;
  const assigned =
    copy.student?.email === decision.student.email
      ? copies
      : assignStudent(
          copies,
          { kind: 'assign-student', copyId: copy.id, student: decision.student },
          sources,
        );
  // Assigning keeps the copy's first page, so its id too.
  return validateCopy(assigned, { kind: 'validate-copy', copyId: copy.id });
}

function checkPageOrder(
  copies: readonly ManifestCopy[],
  decision: Extract<Decision, { kind: 'check-page-order' }>,
): ManifestCopy[] {
  const index = indexOfCopy(copies, decision.copyId);
  const copy = copies[index]!;
  if ((copy.pageOrderChecked ?? false) === decision.checked) {
    throw new DecisionRefused(
      `the page order of copy ${copy.id} is already ${decision.checked ? 'checked' : 'unchecked'}`,
    );
  }
  const { pageOrderChecked: _dropped, ...unmarked } = copy;
  // The mark changes nothing else: a validated copy stays validated.
  return replaced(copies, index, decision.checked ? { ...unmarked, pageOrderChecked: true } : unmarked);
}

function notOnRoster(
  copies: readonly ManifestCopy[],
  decision: Extract<Decision, { kind: 'not-on-roster' }>,
  sources: Sources,
): ManifestCopy[] {
  const index = indexOfCopy(copies, decision.copyId);
  const copy = copies[index]!;
  const content = contentOf(copy);
  if (content.notes.includes(NOT_ON_ROSTER)) {
    throw new DecisionRefused(`copy ${copy.id} is already marked as not on the roster`);
  }
  return replaced(
    copies,
    index,
    revisedCopy(
      { ...content, student: null, confidence: 0, notes: [...content.notes, NOT_ON_ROSTER] },
      sources,
    ),
  );
}

function validateCopy(
  copies: readonly ManifestCopy[],
  decision: Extract<Decision, { kind: 'validate-copy' }>,
): ManifestCopy[] {
  const index = indexOfCopy(copies, decision.copyId);
  const copy = copies[index]!;
  if (copy.status === 'ready') throw new DecisionRefused(`copy ${copy.id} is already validated`);
  if (!copy.student) throw new DecisionRefused(`copy ${copy.id} has no student: assign one first`);
  // Annexes are single pages of their own: whole sheets are what the rule is about.
  if (sheetPageCount(copy) % 4 !== 0) {
    throw new DecisionRefused(
      `copy ${copy.id} has ${sheetPageCount(copy)} sheet pages, not a multiple of 4: a sheet is incomplete or misplaced`,
    );
  }
  const twin = copies.find((other) => other !== copy && other.student?.email === copy.student!.email);
  if (twin) {
    throw new DecisionRefused(
      `${copy.student.name} also has copy ${twin.id}: merge the two copies (or correct one assignment) first`,
    );
  }
  return replaced(copies, index, { ...copy, status: 'ready', reasons: [] });
}
