// What the reader read on the copy under review: the top of P1 large and zoomable (where the boxed header
// is), the header read cell by cell (best character and its confidence), each page's "n / N" box drawn on
// that page, and why a printed field was not found on a page (the queue asks `copies.reading` for it).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellGuess, CopyReading, Manifest, ManifestCopy } from '../../../../core/api/contract';
import { PageBoxReadings } from './PageBoxReadings';
import { cellClass, ReadingOverlay } from './ReadingOverlay';
import { around, useScrolledTo } from './scrolled-to';
import { thumbnailOf } from './copy-pages';
import { Thumbnail } from './Thumbnail';
import { ZoomSlider } from './ZoomSlider';

interface CopyReadingPanelProps {
  manifest: Manifest;
  copy: ManifestCopy;
  /** The station's reading of this copy; null while it is asked. */
  reading: CopyReading | null;
}

const FIELDS = ['lastName', 'firstName', 'birthDate'] as const;

export function CopyReadingPanel({ manifest, copy, reading }: CopyReadingPanelProps) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState(1);

  const first = copy.pages[0]!;
  const placed = reading?.header
    ? FIELDS.flatMap((field) => reading.header![field]).filter((cell) => cell.box)
    : [];
  const frame = useScrolledTo(placed.length > 0 ? around(placed.map((cell) => cell.box!)) : null);
  return (
    <div className="copy-reading">
      <figure className="header-crop" ref={frame.figure} style={{ ['--zoom' as string]: zoom }}>
        <div className="header-page" ref={frame.page}>
          <Thumbnail {...thumbnailOf(manifest, first, first.rotate)} size="large" alt={t('queue.header')} />
          {placed.length > 0 && <ReadingOverlay cells={placed} />}
        </div>
      </figure>
      <ZoomSlider className="header-zoom" value={zoom} max={3} onChange={setZoom} />
      {reading?.header ? (
        <table className="header-cells" aria-label={t('reading.header')}>
          <tbody>
            {FIELDS.map((field) => (
              <tr key={field}>
                <th scope="row">{t(`reading.${field}`)}</th>
                <td>
                  {reading.header![field].map((cell, index) => (
                    <Cell key={index} cell={cell} />
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        reading && <p>{t('reading.noHeader')}</p>
      )}
      {reading && <PageBoxReadings manifest={manifest} copy={copy} pages={reading.pages} />}
    </div>
  );
}

function Cell({ cell }: { cell: CellGuess }) {
  const percent = Math.round(cell.confidence * 100);
  return (
    <span className={cellClass('cell', cell)} title={`${percent} %`}>
      <span className="cell-char">{cell.char ?? '·'}</span>
      <span className="cell-confidence">{percent}</span>
    </span>
  );
}
