// The batch's log: who decided what, and when (undo and redo included).
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../../../core/api/contract';
import { useHost } from '../../host';
import { formatDate } from '../../labels';

// Taking a page-order check back is its own line: "page order checked" would say the opposite.
const actionKey = (action: LogEntry['action']) =>
  action.kind === 'check-page-order' && !action.checked ? 'uncheck-page-order' : action.kind;

/** Drawn again only when it reads the log again, not whenever the desk is. */
export const DeskHistory = memo(function DeskHistory({
  batchId,
  revision,
}: {
  batchId: string;
  revision: number;
}) {
  const { t, i18n } = useTranslation();
  const { bridge } = useHost();
  const [log, setLog] = useState<LogEntry[]>([]);
  useEffect(() => {
    void bridge.invoke('batches.history', { batchId }).then((reply) => {
      if (reply.ok) setLog(reply.result.log);
    });
  }, [bridge, batchId, revision]);
  if (log.length === 0) return null;
  return (
    <section className="card" aria-labelledby="desk-history-title">
      <h3 id="desk-history-title">{t('desk.historyTitle')}</h3>
      <ol className="desk-history">
        {[...log].reverse().map((entry) => (
          <li key={entry.seq}>
            {t('desk.historyEntry', {
              at: formatDate(entry.at, i18n.language),
              operator: entry.operator,
              action: t(
                `action.${actionKey(entry.action)}`,
                entry.action.kind === 'move-pages' ? { count: entry.action.pages.length } : {},
              ),
            })}
          </li>
        ))}
      </ol>
    </section>
  );
});
