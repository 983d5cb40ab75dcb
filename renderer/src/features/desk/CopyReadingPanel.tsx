// What the reader read on the copy under review: the top of P1 large and zoomable (where the boxed header
// is), the header read cell by cell (best character and its confidence), each page's "n / N" box, and why a
// printed field was not found on a page. Asked of the station (`copies.reading`) whenever the copy changes.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellGuess, CopyReading, Manifest, ManifestCopy, PagePart } from '../../../../core/api/contract';
import { useHost } from '../../host';
import { cellClass, ReadingOverlay } from './ReadingOverlay';
import { thumbnailOf } from './copy-pages';
import { Thumbnail } from './Thumbnail';
import { ZoomSlider } from './ZoomSlider';

interface CopyReadingPanelProps {
  batchId: string;
  manifest: Manifest;
  copy: ManifestCopy;
}

const FIELDS = ['lastName', 'firstName', 'birthDate'] as const;

export function CopyReadingPanel({ batchId, manifest, copy }: CopyReadingPanelProps) {
  const { t } = useTranslation();
  const { bridge } = useHost();
  const [reading, setReading] = useState<CopyReading | null>(null);
  const [zoom, setZoom] = useState(1);

  useEffect(() => {
    let current = true;
    setReading(null);
    void bridge.invoke('copies.reading', { batchId, copyId: copy.id }).then((reply) => {
      if (current && reply.ok) setReading(reply.result);
    });
    return () => {
      current = false;
    };
  }, [bridge, batchId, copy.id]);

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
      {reading && (
        <ul className="page-readings" aria-label={t('reading.pages')}>
          {reading.pages.map((page, index) => (
            <li key={index}>
              <strong>P{index + 1}</strong>{' '}
              {page.role === 'unread'
                ? t('reading.unread')
                : page.pageBox
                  ? t('reading.pageBox', {
                      number: page.pageBox.number ?? '?',
                      total: page.pageBox.total ?? '?',
                    })
                  : t('reading.noPageBox')}
              {page.missing.map((miss, at) => (
                <span key={at} className="miss">
                  {' · '}
                  {t(`reading.field.${miss.field}`)} : {t(`reading.miss.${miss.code}`, miss.params)}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The part of the page all the header's boxes take, with room around them for what is drawn above. */
function around(boxes: readonly PagePart[]): PagePart {
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Keeps the crop's scrolled view on `part` of the page (the header's boxes) as the image arrives, is zoomed
 * or turned: the page is shown whole underneath, the header wherever the turns put it.
 */
function useScrolledTo(part: PagePart | null) {
  const figure = useRef<HTMLElement>(null);
  const page = useRef<HTMLDivElement>(null);
  const key = part && `${part.x} ${part.y} ${part.width} ${part.height}`;
  useEffect(() => {
    const shown = page.current;
    const view = figure.current;
    if (!part || !shown || !view) return;
    const scroll = () => {
      const margin = 0.03 * shown.offsetWidth;
      view.scrollTop = Math.max(0, part.y * shown.offsetHeight - margin);
      view.scrollLeft = Math.max(0, part.x * shown.offsetWidth - margin);
    };
    scroll();
    const observer = new ResizeObserver(scroll);
    observer.observe(shown);
    return () => observer.disconnect();
    // `key` stands for `part`'s values: a new reading with the same boxes keeps the view where it is.
  }, [key]);
  return { figure, page };
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
