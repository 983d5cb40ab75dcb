// What can be done to the chosen page and its copy, each a decision of the batch's log.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, Manifest, Rotation } from '../../../../core/api/contract';
import { pageRef } from './copy-pages';
import type { Selection } from './copy-pages';
import type { MoveKey } from './CopyStrips';

interface PageToolsProps {
  manifest: Manifest;
  selection: Selection | null;
  /** How many pages are chosen: moves take them all. */
  chosen: number;
  decide: (...decisions: Decision[]) => Promise<boolean>;
  /** Moves the chosen pages to the end of the copy at this index. */
  onMove: (copy: number) => void;
  onMoveKey: (key: MoveKey) => void;
}

export function PageTools({ manifest, selection, chosen, decide, onMove, onMoveKey }: PageToolsProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const copyIndex = selection ? manifest.copies.findIndex((copy) => copy.id === selection.copyId) : -1;
  const copy = manifest.copies[copyIndex];
  const page = copy?.pages[selection?.index ?? -1];
  if (!selection || !copy || !page) return <p className="hint">{t('desk.noSelection')}</p>;
  const ref = pageRef(page);
  const next = manifest.copies[copyIndex + 1];
  const targetCopy = manifest.copies[Number(target) - 1];

  return (
    <div
      className="page-tools"
      role="toolbar"
      aria-label={t('desk.selected', { n: selection.index + 1, copy: copyIndex + 1 })}
    >
      <p className="selected">
        {chosen > 1
          ? t('desk.chosen', { count: chosen })
          : t('desk.selected', { n: selection.index + 1, copy: copyIndex + 1 })}
      </p>
      <button
        type="button"
        onClick={() =>
          void decide({ kind: 'rotate-page', page: ref, rotate: ((page.rotate + 90) % 360) as Rotation })
        }
      >
        {t('desk.rotate')}
      </button>
      <button
        type="button"
        onClick={() => void decide({ kind: 'mark-blank', page: ref, blank: !page.blank })}
      >
        {page.blank ? t('desk.markNotBlank') : t('desk.markBlank')}
      </button>
      <button
        type="button"
        disabled={selection.index === 0}
        onClick={() => void decide({ kind: 'split-copy', copyId: copy.id, at: selection.index })}
      >
        {t('desk.splitHere')}
      </button>
      <button
        type="button"
        disabled={!next}
        onClick={() => next && void decide({ kind: 'merge-copies', copyId: next.id, intoCopyId: copy.id })}
      >
        {t('desk.mergeNext')}
      </button>
      <button type="button" onClick={() => void decide({ kind: 'validate-copy', copyId: copy.id })}>
        {t('desk.validate')}
      </button>
      <label>
        {t('desk.moveTo')}{' '}
        <input
          type="number"
          min={1}
          max={manifest.copies.length}
          value={target}
          onChange={(event) => setTarget(event.currentTarget.value)}
        />
      </label>
      <button type="button" disabled={!targetCopy} onClick={() => onMove(Number(target) - 1)}>
        {t('desk.move')}
      </button>
      <button type="button" title={t('desk.earlierHint')} onClick={() => onMoveKey('ArrowLeft')}>
        {t('desk.earlier')}
      </button>
      <button type="button" title={t('desk.laterHint')} onClick={() => onMoveKey('ArrowRight')}>
        {t('desk.later')}
      </button>
    </div>
  );
}
