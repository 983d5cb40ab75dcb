import type { Manifest } from '../../../../core/api/contract';
import { batchFileUrl } from '../../../../core/api/files';
import { useHost } from '../../host';
import { describePage, STATUS_LABELS } from '../../labels';
import { openBatchFile } from './open-batch-file';

export function CopyTable({ batchId, manifest }: { batchId: string; manifest: Manifest }) {
  const host = useHost();
  return (
    <table className="copies">
      <caption>Copies</caption>
      <thead>
        <tr>
          <th scope="col">N°</th>
          <th scope="col">Statut</th>
          <th scope="col">Élève</th>
          <th scope="col">Pages</th>
          <th scope="col">Raisons</th>
          <th scope="col">PDF</th>
        </tr>
      </thead>
      <tbody>
        {manifest.copies.map((copy, index) => (
          <tr key={copy.id}>
            <th scope="row">{index + 1}</th>
            <td>
              <span className={`badge badge-${copy.status}`}>{STATUS_LABELS[copy.status]}</span>
            </td>
            <td>
              {copy.student ? `${copy.student.name} (${copy.student.className})` : <em>Non identifié</em>}
            </td>
            <td>
              <ol className="pages" aria-label={`Pages de la copie ${index + 1}`}>
                {copy.pages.map((page, pageIndex) => (
                  <li key={pageIndex}>
                    <strong>P{pageIndex + 1}</strong> {describePage(page, manifest.sources)}
                  </li>
                ))}
              </ol>
            </td>
            <td>
              {copy.reasons.length > 0 ? (
                <ul className="reasons" aria-label={`Raisons pour la copie ${index + 1}`}>
                  {copy.reasons.map((reason, reasonIndex) => (
                    <li key={reasonIndex}>{reason}</li>
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
                Ouvrir le PDF<span className="visually-hidden"> de la copie {index + 1}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
