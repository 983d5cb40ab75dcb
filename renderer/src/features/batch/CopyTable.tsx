import { useTranslation } from 'react-i18next';
import type { Manifest } from '../../../../core/api/contract';
import { batchFileUrl } from '../../../../core/api/files';
import { useHost } from '../../host';
import { reviewText } from '../../i18n/review-text';
import { describePage } from '../../labels';
import { SyncMark } from '../sync/SyncMark';
import { useSyncStatus } from '../sync/use-sync-status';
import { openBatchFile } from './open-batch-file';

export function CopyTable({ batchId, manifest }: { batchId: string; manifest: Manifest }) {
  const { t } = useTranslation();
  const host = useHost();
  const sync = useSyncStatus(batchId).status;
  return (
    <table className="copies">
      <caption>{t('report.copies')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.number')}</th>
          <th scope="col">{t('report.status')}</th>
          <th scope="col">{t('report.student')}</th>
          <th scope="col">{t('report.pages')}</th>
          <th scope="col">{t('report.reasons')}</th>
          <th scope="col">{t('report.pdf')}</th>
        </tr>
      </thead>
      <tbody>
        {manifest.copies.map((copy, index) => (
          <tr key={copy.id}>
            <th scope="row">{index + 1}</th>
            <td>
              <span className={`badge badge-${copy.status}`}>{t(`status.${copy.status}`)}</span>
              <SyncMark copy={sync?.copies.find((synced) => synced.copyId === copy.id)} />
            </td>
            <td>
              {copy.student ? (
                `${copy.student.name} (${copy.student.className})`
              ) : (
                <em>{t('report.unidentified')}</em>
              )}
            </td>
            <td>
              <ol className="pages" aria-label={t('report.pagesOf', { n: index + 1 })}>
                {copy.pages.map((page, pageIndex) => (
                  <li key={pageIndex}>
                    <strong>P{pageIndex + 1}</strong> {describePage(t, page, manifest.sources)}
                  </li>
                ))}
              </ol>
            </td>
            <td>
              {copy.reasons.length > 0 ? (
                <ul className="reasons" aria-label={t('report.reasonsOf', { n: index + 1 })}>
                  {copy.reasons.map((reason, reasonIndex) => (
                    <li key={reasonIndex}>{reviewText(t, copy.reasonCodes?.[reasonIndex], reason)}</li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </td>
            <td>
              <a
                href={batchFileUrl(batchId, copy.file)}
                target="_blank"
                rel="noopener noreferrer"
                onClick={openBatchFile(host, batchFileUrl(batchId, copy.file))}
              >
                {t('report.openPdf')}
                <span className="visually-hidden">{t('report.ofCopy', { n: index + 1 })}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
