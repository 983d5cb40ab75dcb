// The copies to review, one at a time: the reasons in words, up to five ranked candidates (keys 1–5; a
// second digit or a slash after one starts a birth-date search instead: "22/02"), a roster search that
// filters as you type (↑ ↓ Enter; students without a copy and the header's likely writer first, see
// core/api/roster-search), and Enter to accept (one decision: assigned and validated, so one Ctrl+Z takes
// it back). After each decision the next copy to review comes up; → / j and ← / k skip, n goes to the next
// copy without a student. The students still without a copy are listed, and clicking one accepts the
// current copy for them.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CopyReading,
  Decision,
  Manifest,
  ManifestCopy,
  ManifestStudent,
} from '../../../../core/api/contract';
import { searchStudents } from '../../../../core/api/roster-search';
import { useHost } from '../../host';
import { reviewText } from '../../i18n/review-text';
import { CopyReadingPanel } from './CopyReadingPanel';

/** A birth date as the header's boxes and the search take it: 22/02/2008. */
const asTyped = (iso: string) => iso.split('-').reverse().join('/');

interface ReviewQueueProps {
  batchId: string;
  manifest: Manifest;
  roster: ManifestStudent[];
  decide: (...decisions: Decision[]) => Promise<boolean>;
  /** False while another view (the large page) has the keyboard. */
  active: boolean;
}

export function ReviewQueue({ batchId, manifest, roster, decide, active }: ReviewQueueProps) {
  const { t } = useTranslation();
  const { bridge } = useHost();
  // A copy the operator said is nobody of the roster's has nothing left to settle here.
  const queue = manifest.copies.filter(
    (copy) =>
      copy.status === 'needs_review' && !copy.reasonCodes?.some((note) => note.code === 'not-on-roster'),
  );
  // The queue follows the copy shown, not its place in the queue: a copy coming to review before it (a page
  // of a ready copy turned in the strips) leaves the operator where they were. Once the copy shown is
  // settled, the one taking its place comes up.
  const [position, setPosition] = useState(0);
  const [shownId, setShownId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState(0);
  const [pending, setPending] = useState<{ student: ManifestStudent; other: ManifestCopy } | null>(null);
  const search = useRef<HTMLInputElement>(null);
  /** A candidate key just pressed in an empty search: a digit or "/" after it makes it a date ("22/02"). */
  const digit = useRef<string | null>(null);
  const followed = shownId === null ? -1 : queue.findIndex((copy) => copy.id === shownId);
  const at = followed >= 0 ? followed : Math.max(0, Math.min(position, queue.length - 1));
  const current = queue[at];
  const goTo = (index: number) => {
    const to = Math.max(0, Math.min(queue.length - 1, index));
    setPosition(to);
    setShownId(queue[to]?.id ?? null);
  };
  useEffect(() => {
    if (at !== position) setPosition(at);
    if ((current?.id ?? null) !== shownId) setShownId(current?.id ?? null);
  });

  const currentId = current?.id;
  const [read, setRead] = useState<{ copyId: string; reading: CopyReading } | null>(null);
  useEffect(() => {
    if (!currentId) return;
    let live = true;
    void bridge.invoke('copies.reading', { batchId, copyId: currentId }).then((reply) => {
      if (live && reply.ok) setRead({ copyId: currentId, reading: reply.result });
    });
    return () => {
      live = false;
    };
  }, [bridge, batchId, currentId]);
  const reading = read && read.copyId === currentId ? read.reading : null;

  const candidates = useMemo(
    () =>
      (current?.candidates ?? []).slice(0, 5).flatMap((candidate) => {
        const student = roster.find((one) => one.email === candidate.email);
        return student ? [{ student, score: candidate.score }] : [];
      }),
    [current, roster],
  );
  const copyOf = (student: ManifestStudent) =>
    manifest.copies.find((copy) => copy !== current && copy.student?.email === student.email);
  const results = searchStudents(roster, query, {
    likely: reading?.likely,
    hasCopy: (student) => copyOf(student) !== undefined,
  }).slice(0, 8);
  const options = query ? results : candidates.map((candidate) => candidate.student);
  const numberOf = (copy: ManifestCopy) => manifest.copies.indexOf(copy) + 1;

  const reset = () => {
    setQuery('');
    setChosen(0);
    setPending(null);
    search.current?.focus();
  };

  const accept = async (student: ManifestStudent | undefined) => {
    if (!current || !student) return;
    const other = copyOf(student);
    if (other) return setPending({ student, other });
    if (await decide({ kind: 'accept', copyId: current.id, student })) reset();
  };
  /** The next copy of the queue without a student, after the current one (wrapping), or -1. */
  const nextUnmatched = [...queue.slice(at + 1), ...queue.slice(0, at)].find((copy) => !copy.student);
  const goUnmatched = () => {
    if (!nextUnmatched) return;
    goTo(queue.indexOf(nextUnmatched));
    reset();
  };
  const settleWithOther = async (how: 'merge' | 'replace') => {
    if (!current || !pending) return;
    const { student, other } = pending;
    const decisions: Decision[] =
      how === 'merge'
        ? [{ kind: 'merge-copies', copyId: current.id, intoCopyId: other.id }]
        : [
            { kind: 'assign-student', copyId: other.id, student: null },
            { kind: 'assign-student', copyId: current.id, student },
          ];
    await decide(...decisions);
    reset();
  };

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      // A page of the strips handled the key already (its arrows move the focus or the pages).
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const typing = event.target instanceof HTMLInputElement && event.target.value !== '';
      const candidateKey = digit.current;
      digit.current = null;
      const step = (delta: number) => {
        goTo(at + delta);
        reset();
      };
      if (candidateKey && !query && /^[0-9/]$/.test(event.key)) {
        event.preventDefault();
        setQuery(candidateKey + event.key);
        setChosen(0);
        search.current?.focus();
      } else if (!typing && /^[1-5]$/.test(event.key) && !query) {
        event.preventDefault();
        digit.current = event.key;
        setChosen(Number(event.key) - 1);
        // Enter then accepts the choice even if a button of the desk (the page boxes' toggle) kept the focus.
        search.current?.focus();
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        setChosen((value) => Math.min(options.length - 1, value + 1));
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        setChosen((value) => Math.max(0, value - 1));
      } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        void accept(options[chosen]);
      } else if (!typing && (event.key === 'ArrowRight' || event.key === 'j') && !query) {
        event.preventDefault();
        step(1);
      } else if (!typing && (event.key === 'ArrowLeft' || event.key === 'k') && !query) {
        event.preventDefault();
        step(-1);
      } else if (!typing && event.key === 'n' && !query) {
        event.preventDefault();
        goUnmatched();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Live: the roster students no copy is assigned to (not the manifest's `absent`, which waits until every
  // copy names someone).
  const withoutCopy = roster.filter(
    (student) => !manifest.copies.some((copy) => copy.student?.email === student.email),
  );
  const absent = (
    <section className="absent-panel" aria-label={t('desk.absentTitle', { count: withoutCopy.length })}>
      <h3>{t('desk.absentTitle', { count: withoutCopy.length })}</h3>
      <ul className="absent-students">
        {withoutCopy.map((student) => (
          <li key={student.email}>
            <button
              type="button"
              disabled={!current}
              title={current ? t('queue.assignAbsent', { name: student.name }) : undefined}
              onClick={() => void accept(student)}
            >
              {student.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
  if (!current) {
    return (
      <section className="card queue" aria-label={t('queue.title')}>
        <p>{t('queue.none')}</p>
        {absent}
      </section>
    );
  }
  return (
    <section className="card queue" aria-label={t('queue.title')}>
      <header className="queue-head">
        <strong>{t('queue.position', { n: at + 1, total: queue.length })}</strong> —{' '}
        {t('desk.copy', { n: numberOf(current) })}
        <button type="button" onClick={() => goTo(at - 1)}>
          {t('queue.previous')}
        </button>
        <button type="button" onClick={() => goTo(at + 1)}>
          {t('queue.next')}
        </button>
        <button type="button" disabled={!nextUnmatched} onClick={goUnmatched}>
          {t('queue.nextUnmatched')}
        </button>
      </header>
      <div className="queue-body">
        <CopyReadingPanel manifest={manifest} copy={current} reading={reading} />
        <div className="queue-decide">
          <p>{current.student ? t('queue.student', { name: current.student.name }) : t('queue.noStudent')}</p>
          <h3>{t('queue.reasons')}</h3>
          <ul className="reasons" aria-label={t('queue.reasons')}>
            {current.reasons.map((reason, index) => (
              <li key={index}>{reviewText(t, current.reasonCodes?.[index], reason)}</li>
            ))}
          </ul>
          <label className="search">
            {t('queue.search')}
            <input
              ref={search}
              autoFocus
              type="search"
              value={query}
              onChange={(event) => {
                setQuery(event.currentTarget.value);
                setChosen(0);
              }}
            />
          </label>
          <ol className="options" aria-label={query ? t('queue.results') : t('queue.candidates')}>
            {options.map((student, index) => {
              const other = copyOf(student);
              const score = candidates.find((candidate) => candidate.student === student)?.score;
              return (
                <li
                  key={student.email}
                  aria-selected={index === chosen}
                  className={index === chosen ? 'option-chosen' : undefined}
                >
                  <button type="button" onClick={() => void accept(student)}>
                    {query
                      ? `${student.name} — ${student.className} — ${asTyped(student.birthDate)}`
                      : t('queue.candidate', {
                          key: index + 1,
                          name: student.name,
                          className: student.className,
                          score: Math.round((score ?? 0) * 100),
                        })}
                  </button>
                  {other && (
                    <span className="has-copy"> {t('queue.hasCopy', { copy: numberOf(other) })}</span>
                  )}
                </li>
              );
            })}
          </ol>
          {pending && (
            <div role="alertdialog" aria-label={t('queue.hasCopy', { copy: numberOf(pending.other) })}>
              <p>
                {pending.student.name} — {t('queue.hasCopy', { copy: numberOf(pending.other) })}
              </p>
              <button type="button" onClick={() => void settleWithOther('merge')}>
                {t('queue.merge')}
              </button>
              <button type="button" onClick={() => void settleWithOther('replace')}>
                {t('queue.replace')}
              </button>
            </div>
          )}
          <button type="button" className="button-primary" onClick={() => void accept(options[chosen])}>
            {t('queue.assign')}
          </button>
          <button type="button" onClick={() => void decide({ kind: 'not-on-roster', copyId: current.id })}>
            {t('queue.notOnRoster')}
          </button>
          <button
            type="button"
            disabled={!current.student}
            onClick={() => void decide({ kind: 'assign-student', copyId: current.id, student: null })}
          >
            {t('queue.leaveUnidentified')}
          </button>
          {absent}
        </div>
      </div>
    </section>
  );
}
