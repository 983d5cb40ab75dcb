import { useTranslation } from 'react-i18next';
import type { ChosenFile } from './chosen-file';

interface ScanListProps {
  scans: ChosenFile[];
  onChange: (scans: ChosenFile[]) => void;
}

/** The scanner files in stack order: a sheet may start at the end of one file and end in the next. */
export function ScanList({ scans, onChange }: ScanListProps) {
  const { t } = useTranslation();
  if (scans.length === 0) return <p className="hint">{t('newBatch.noScans')}</p>;
  const move = (from: number, to: number) => {
    const reordered = [...scans];
    const [moved] = reordered.splice(from, 1);
    if (moved) reordered.splice(to, 0, moved);
    onChange(reordered);
  };
  return (
    <ol className="file-list" aria-label={t('newBatch.stackList')}>
      {scans.map((scan, index) => (
        <li key={scan.key}>
          <span className="file-name">{scan.name}</span>
          <button
            type="button"
            className="button-small"
            aria-label={t('newBatch.up', { name: scan.name })}
            disabled={index === 0}
            onClick={() => move(index, index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button-small"
            aria-label={t('newBatch.down', { name: scan.name })}
            disabled={index === scans.length - 1}
            onClick={() => move(index, index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="button-small"
            aria-label={t('newBatch.remove', { name: scan.name })}
            onClick={() => onChange(scans.filter((other) => other.key !== scan.key))}
          >
            {t('newBatch.removeShort')}
          </button>
        </li>
      ))}
    </ol>
  );
}
