// Each page's "n / N" box as the reader read it, drawn on the page where it was read: a crop of the page's
// page-box band (its bottom, the `band` thumbnail: made by the reading beside the small one, an eighth of a
// large page), scrolled to its box, the number and the total outlined with their value and confidence, a
// doubtful one marked as the header's cells are. Drawn at once when a box is doubtful, else on demand. A
// box outside the band (a page turned since) needs the whole large page, asked for after a moment: a large
// rendering per crop made the next copy come up in ~3 s instead of ~0.1 s at load 20.
// The item's words say the same for screen readers (the drawing is hidden from them); the crop takes the
// keyboard's focus so it scrolls with the arrow keys.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellGuess, Manifest, ManifestCopy, PagePart, PageReading } from '../../../../core/api/contract';
import { PAGE_BOX_BAND } from '../../../../core/api/thumbnail-url';
import { thumbnailOf } from './copy-pages';
import { isDoubtful, ReadingOverlay } from './ReadingOverlay';
import { around, useScrolledTo } from './scrolled-to';
import { Thumbnail } from './Thumbnail';
import './page-box.css';

interface PageBoxReadingsProps {
  manifest: Manifest;
  copy: ManifestCopy;
  /** One per page of the copy, in its order (copies.reading). */
  pages: PageReading[];
}

export function PageBoxReadings({ manifest, copy, pages }: PageBoxReadingsProps) {
  const { t } = useTranslation();
  const placed = pages.some((page) => page.pageBox?.boxes);
  const [drawn, setDrawn] = useState(() => pages.some((page) => page.pageBox && doubtful(page.pageBox)));
  return (
    <>
      {placed && (
        <button
          type="button"
          className="page-boxes-toggle"
          aria-pressed={drawn}
          onClick={() => setDrawn(!drawn)}
        >
          {t('reading.drawPageBoxes')}
        </button>
      )}
      <ul className="page-readings" aria-label={t('reading.pages')}>
        {pages.map((page, index) => {
          const shown = copy.pages[index];
          return (
            <li key={index}>
              {drawn && shown && page.pageBox?.boxes && (
                <PageBoxCrop manifest={manifest} page={shown} pageNumber={index + 1} reading={page.pageBox} />
              )}
              <span className="page-reading-words">
                <strong>P{index + 1}</strong> <PageBoxWords page={page} />
                {page.missing.map((miss, at) => (
                  <span key={at} className="miss">
                    {' · '}
                    {t(`reading.field.${miss.field}`)} : {t(`reading.miss.${miss.code}`, miss.params)}
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

const doubtful = (box: NonNullable<PageReading['pageBox']>) =>
  isDoubtful(box.confidence.number) || isDoubtful(box.confidence.total);

function PageBoxWords({ page }: { page: PageReading }) {
  const { t } = useTranslation();
  if (page.role === 'unread') return t('reading.unread');
  const box = page.pageBox;
  if (!box) return t('reading.noPageBox');
  const { number, total } = box.confidence;
  const unsure = doubtful(box);
  return (
    <span className={unsure ? 'page-box-words cell-doubtful' : 'page-box-words'}>
      {t('reading.pageBox', { number: box.number ?? '?', total: box.total ?? '?' })}{' '}
      {t('reading.pageBoxSure', { number: Math.round(number * 100), total: Math.round(total * 100) })}
      {unsure && ` — ${t('reading.doubtful')}`}
    </span>
  );
}

/** The page box's two boxes as cells drawn over the page: the value said (null: nothing written). */
export function pageBoxCells(box: NonNullable<PageReading['pageBox']>): CellGuess[] {
  if (!box.boxes) return [];
  const cell = (value: number | null, confidence: number, at: CellGuess['box']): CellGuess => ({
    char: value === null ? null : String(value),
    confidence,
    ...(at ? { box: at } : {}),
  });
  return [
    cell(box.number, box.confidence.number, box.boxes.number),
    cell(box.total, box.confidence.total, box.boxes.total),
  ];
}

interface PageBoxCropProps {
  manifest: Manifest;
  page: ManifestCopy['pages'][number];
  /** The page's place in the copy, from 1. */
  pageNumber: number;
  reading: NonNullable<PageReading['pageBox']>;
}

/**
 * A whole large page is asked for once the copy has been looked at a moment: an operator settling copies
 * one key each never waits behind their renderings.
 */
const DWELL_MS = 800;

/** `part` of the page as a part of its page-box band, or null when it is not all inside the band. */
function inBand(part: PagePart): PagePart | null {
  const { top } = PAGE_BOX_BAND;
  if (part.y < top) return null;
  return { ...part, y: (part.y - top) / (1 - top), height: part.height / (1 - top) };
}

function PageBoxCrop({ manifest, page, pageNumber, reading }: PageBoxCropProps) {
  const { t } = useTranslation();
  const onPage = pageBoxCells(reading);
  const banded = onPage.map((cell) => inBand(cell.box!));
  const band = banded.every((box) => box !== null);
  const cells = band ? onPage.map((cell, index) => ({ ...cell, box: banded[index]! })) : onPage;
  const [due, setDue] = useState(band);
  useEffect(() => {
    if (due) return;
    const timer = setTimeout(() => setDue(true), DWELL_MS);
    return () => clearTimeout(timer);
  }, [due]);
  const frame = useScrolledTo(around(cells.map((cell) => cell.box!)));
  const name = t('reading.pageBoxOn', { page: pageNumber });
  return (
    <figure className="page-box-crop" ref={frame.figure} tabIndex={0} aria-label={name}>
      <div className="page-box-page" ref={frame.page}>
        {due ? (
          <Thumbnail
            {...thumbnailOf(manifest, page, page.rotate)}
            size={band ? 'band' : 'large'}
            alt={`P${pageNumber}`}
          />
        ) : (
          <span
            className="thumbnail thumbnail-large thumbnail-pending"
            role="img"
            aria-label={`P${pageNumber}`}
          />
        )}
        <ReadingOverlay cells={cells} className="page-box-overlay" boxClass="page-box-reading" />
      </div>
    </figure>
  );
}
