import type { BatchDetail } from '../../../../core/api/contract';
import { formatDate } from '../../labels';
import { CopyTable } from './CopyTable';
import { InvariantList } from './InvariantList';

export function BatchReport({ batch }: { batch: BatchDetail }) {
  const { manifest } = batch;
  const ready = manifest.copies.filter((copy) => copy.status === 'ready').length;
  const toReview = manifest.copies.length - ready;
  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title">Lot du {formatDate(batch.createdAt)}</h2>
      <p className="batch-id">Identifiant : {batch.batchId}</p>
      <p className="summary">
        {manifest.copies.length} copie{manifest.copies.length > 1 ? 's' : ''} : {ready} prête
        {ready > 1 ? 's' : ''}, {toReview} à vérifier —{' '}
        {manifest.sources.map((source) => source.file).join(', ')} ; liste {manifest.roster.file} (
        {manifest.roster.students} élèves)
      </p>
      <InvariantList invariants={manifest.invariants} />
      {manifest.warnings.length > 0 && (
        <section aria-labelledby="warnings-title">
          <h3 id="warnings-title">Avertissements</h3>
          <ul className="warnings">
            {manifest.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
      <CopyTable batchId={batch.batchId} manifest={manifest} />
      {manifest.absent.length > 0 && (
        <section aria-labelledby="absent-title">
          <h3 id="absent-title">Élèves sans copie ({manifest.absent.length})</h3>
          <p>{manifest.absent.map((student) => student.name).join(', ')}</p>
        </section>
      )}
    </section>
  );
}
