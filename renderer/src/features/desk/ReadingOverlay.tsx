// A reading drawn over the page it was read on: each printed box outlined where it lies, its best
// character and confidence above it, a doubtful one marked so the eye goes to it first. Laid over the page
// image (positions in fractions of the page), hidden from screen readers: the cell table says the same.
import type { CellGuess } from '../../../../core/api/contract';

/** Below this, a cell's reading is shown as doubtful. */
const DOUBTFUL = 0.6;

export const isDoubtful = (confidence: number): boolean => confidence < DOUBTFUL;

/** `base` with the marks of an empty box and of a doubtful reading. */
export function cellClass(base: string, cell: CellGuess): string {
  return `${base}${cell.char === null ? ' cell-empty' : ''}${isDoubtful(cell.confidence) ? ' cell-doubtful' : ''}`;
}

interface ReadingOverlayProps {
  /** Cells that have a `box`. */
  cells: CellGuess[];
  /** The overlay's and each box's class: the header's by default. */
  className?: string;
  boxClass?: string;
}

export function ReadingOverlay({
  cells,
  className = 'header-overlay',
  boxClass = 'box-reading',
}: ReadingOverlayProps) {
  return (
    <div className={className} aria-hidden="true">
      {cells.map((cell, index) => (
        <BoxReading key={index} cell={cell} boxClass={boxClass} />
      ))}
    </div>
  );
}

/** A box's reading drawn over it on the page: the box outlined, its character and confidence above it. */
function BoxReading({ cell, boxClass }: { cell: CellGuess; boxClass: string }) {
  const box = cell.box!;
  const percent = Math.round(cell.confidence * 100);
  return (
    <span
      className={cellClass(boxClass, cell)}
      style={{
        left: `${box.x * 100}%`,
        top: `${box.y * 100}%`,
        width: `${box.width * 100}%`,
        height: `${box.height * 100}%`,
      }}
    >
      <span className="box-label">
        <span className="cell-char">{cell.char ?? '·'}</span>
        <span className="cell-confidence">{percent}</span>
      </span>
    </span>
  );
}
