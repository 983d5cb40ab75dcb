import type { Manifest } from '../../../../core/api/contract';

const CHECKS: { key: 'everyPageOnce' | 'pagesInOrder' | 'multipleOfFour'; label: string }[] = [
  { key: 'everyPageOnce', label: 'Chaque demi-page scannée est dans exactement une copie' },
  { key: 'pagesInOrder', label: 'Les pages de chaque copie sont dans l’ordre' },
  { key: 'multipleOfFour', label: 'Chaque copie a un multiple de 4 pages (ou est signalée)' },
];

export function InvariantList({ invariants }: { invariants: Manifest['invariants'] }) {
  return (
    <section aria-labelledby="invariants-title">
      <h3 id="invariants-title">Contrôles</h3>
      <ul className="invariants">
        {CHECKS.map(({ key, label }) => (
          <li key={key} className={invariants[key] ? 'check-ok' : 'check-failed'}>
            <span aria-hidden="true">{invariants[key] ? '✓' : '✗'}</span> {label} :{' '}
            <strong>{invariants[key] ? 'respecté' : 'NON respecté'}</strong>
          </li>
        ))}
      </ul>
      {invariants.violations.length > 0 && (
        <ul className="violations" aria-label="Violations">
          {invariants.violations.map((violation, index) => (
            <li key={index}>{violation}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
