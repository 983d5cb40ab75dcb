// The batch's copies to the school's Korrigo server: account, exam (picked or created), the sync with its
// progress, each copy's standing, and what a person settles by hand. The password is sent with a call only
// when typed, and forgotten by this window right after: the station keeps the session with the server.
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type {
  ExamChoice,
  RemoteExamSummary,
  SyncAccount,
  SyncReport,
  SyncRunProgress,
} from '../../../../core/api/contract';
import type { WireError, WireReply } from '../../../../core/api/wire';
import { ErrorAlert } from '../../ErrorAlert';
import { useHost } from '../../host';
import { formatDate } from '../../labels';
import { ExamPicker } from './ExamPicker';
import type { ExamPick } from './ExamPicker';
import { SyncCopyTable } from './SyncCopyTable';
import { useSyncStatus } from './use-sync-status';
import './sync.css';

/** Not secret: the address and the account name are offered again next time. */
const SAVED = { server: 'korrigo-sync-server', username: 'korrigo-sync-user' };
const saved = (key: string) => globalThis.localStorage?.getItem(key) ?? '';

export function SyncPanel({ batchId }: { batchId: string }) {
  const host = useHost();
  const { bridge } = host;
  const { t, i18n } = useTranslation();
  const { status, reload } = useSyncStatus(batchId);
  const [server, setServer] = useState(() => saved(SAVED.server));
  const [username, setUsername] = useState(() => saved(SAVED.username));
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [exams, setExams] = useState<RemoteExamSummary[] | null>(null);
  /** The account the station logged in with for this window (its exams were listed). */
  const [loggedIn, setLoggedIn] = useState<string | null>(null);
  const [pick, setPick] = useState<ExamPick>({ choice: '', name: '', date: '' });
  const [busy, setBusy] = useState<'exams' | 'sync' | 'settle' | null>(null);
  const [progress, setProgress] = useState<SyncRunProgress | null>(null);
  const [report, setReport] = useState<SyncReport | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  const stopFollowing = useRef<(() => void) | null>(null);
  useEffect(() => () => stopFollowing.current?.(), []);

  // The last sync of this batch names the server and account when this window has none yet.
  const target = status?.target;
  useEffect(() => {
    if (!target) return;
    setServer((current) => current || target.server);
    setUsername((current) => current || target.username);
  }, [target]);

  const when = (iso: string) => formatDate(iso, i18n.language);
  // A limit's time to the second: a short wait (a Retry-After) would otherwise show as "now".
  const at = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
      dateStyle: 'short',
      timeStyle: 'medium',
    });
  const account = (): SyncAccount => ({
    server: server.trim(),
    username: username.trim(),
    ...(password ? { password } : {}),
    ...(host.kind === 'desktop' && password ? { rememberPassword: remember } : {}),
  });

  /** Runs a call; the typed password is dropped once the station has used it. */
  const act = async <T,>(kind: 'exams' | 'sync' | 'settle', call: () => Promise<WireReply<T>>) => {
    setError(null);
    setBusy(kind);
    try {
      const reply = await call();
      setPassword('');
      if (!reply.ok) {
        setError(reply.error);
        return undefined;
      }
      return reply.result;
    } finally {
      setBusy(null);
      reload();
    }
  };

  const loadExams = async () => {
    globalThis.localStorage?.setItem(SAVED.server, server.trim());
    globalThis.localStorage?.setItem(SAVED.username, username.trim());
    const found = await act('exams', () => bridge.invoke('sync.exams', account()));
    if (!found) return;
    setExams(found);
    setLoggedIn(`${server.trim()} ${username.trim()}`);
  };

  const follow = () => {
    let runId: string | undefined;
    stopFollowing.current?.();
    setProgress(null);
    stopFollowing.current = bridge.on('sync.progress', (event) => {
      if (event.batchId !== batchId) return;
      runId ??= event.runId;
      if (event.runId === runId) setProgress(event);
    });
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const exam: ExamChoice =
      pick.choice === 'new' ? { create: { name: pick.name.trim(), date: pick.date } } : { exam: pick.choice };
    follow();
    const done = await act('sync', () => bridge.invoke('sync.run', { ...account(), batchId, exam }));
    if (done) setReport(done);
  };

  const retry = async () => {
    follow();
    const done = await act('sync', () =>
      bridge.invoke('sync.retry', { batchId, ...(password ? { password } : {}) }),
    );
    if (done) setReport(done);
  };

  const forget = (copyId: string) =>
    void act('settle', () => bridge.invoke('sync.forget', { batchId, copyId }));
  const accept = (copyId: string, remoteCopyId: string) =>
    void act('settle', () => bridge.invoke('sync.accept', { batchId, copyId, remoteCopyId }));

  const copies = status?.copies ?? [];
  const done = copies.filter((copy) => copy.state === 'done' && !copy.changed).length;
  const sendable = copies.filter((copy) => copy.state !== 'not-ready').length;
  const nextAt = progress?.nextAt ?? status?.nextRequestAt ?? report?.nextRequestAt ?? null;
  const examReady =
    pick.choice === 'new'
      ? pick.name.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(pick.date)
      : pick.choice !== '';
  const accountReady = server.trim() !== '' && username.trim() !== '';
  const typed = `${server.trim()} ${username.trim()}`;
  const sessionOpen =
    loggedIn === typed ||
    (status?.sessionOpen === true && target !== null && typed === `${target?.server} ${target?.username}`);

  return (
    <section className="card sync-panel" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <form onSubmit={(event) => void send(event)} className="sync-form">
        <fieldset disabled={busy !== null}>
          <label>
            {t('sync.server')}
            <input
              type="url"
              aria-label={t('sync.server')}
              value={server}
              placeholder="https://korrigo.labomaths.tn"
              onChange={(event) => setServer(event.currentTarget.value)}
            />
          </label>
          <p className="hint">{t('sync.serverHint')}</p>
          <label>
            {t('sync.username')}
            <input
              type="text"
              aria-label={t('sync.username')}
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
            />
          </label>
          <label>
            {t('sync.password')}
            <input
              type="password"
              aria-label={t('sync.password')}
              autoComplete="off"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
          </label>
          <p className="hint">
            {sessionOpen
              ? t('sync.sessionOpen', { server: server.trim() })
              : host.kind === 'desktop'
                ? t('sync.passwordKept')
                : t('sync.passwordHint')}
          </p>
          {host.kind === 'desktop' && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={remember}
                onChange={(event) => setRemember(event.currentTarget.checked)}
              />
              {t('sync.remember')}
            </label>
          )}
          <button type="button" disabled={!accountReady} onClick={() => void loadExams()}>
            {busy === 'exams' ? t('sync.loadingExams') : t('sync.loadExams')}
          </button>
          {exams && <ExamPicker exams={exams} pick={pick} onChange={setPick} />}
        </fieldset>
        <div className="sync-buttons">
          <button
            type="submit"
            className="button-primary"
            disabled={busy !== null || !accountReady || !examReady}
          >
            {busy === 'sync' ? t('sync.sending') : t('sync.send')}
          </button>
          {target?.exam && (
            <button type="button" disabled={busy !== null} onClick={() => void retry()}>
              {t('sync.retry')}
            </button>
          )}
        </div>
      </form>
      {busy === 'sync' && progress && (
        <p role="status" className="sync-progress">
          {t('sync.running', { stage: t(`sync.stage.${progress.stage}`) })}
        </p>
      )}
      {nextAt && (
        <p className="sync-next">
          {busy === 'sync'
            ? t('sync.waitUntil', { time: at(nextAt) })
            : t('sync.nextRequest', { time: at(nextAt) })}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      {!error && status?.lastError && busy === null && (
        <section aria-label={t('sync.lastError')}>
          <ErrorAlert error={status.lastError} />
        </section>
      )}
      {copies.length > 0 && (
        <p className="summary" role="status" aria-live="polite">
          {sendable > 0 && done === sendable
            ? t('sync.complete')
            : t('sync.summary', { done, total: copies.length, left: sendable - done })}
          {status?.lastRunAt && (
            <span className="hint"> {t('sync.lastRun', { at: when(status.lastRunAt) })}</span>
          )}
        </p>
      )}
      {copies.length > 0 && (
        <SyncCopyTable copies={copies} busy={busy !== null} onForget={forget} onAccept={accept} />
      )}
    </section>
  );
}
