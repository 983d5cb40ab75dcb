// A page shown whole inside a scrolled crop, the crop kept on the part of the page that matters (the
// header's boxes, a page box) however the image arrives, is zoomed or turned.
import { useEffect, useRef } from 'react';
import type { PagePart } from '../../../../core/api/contract';

/** The part of the page all `boxes` take. */
export function around(boxes: readonly PagePart[]): PagePart {
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Keeps the crop's (`figure`'s) scrolled view on `part` of the page (`page`), with room around it for what
 * is drawn above the boxes: the page is shown whole underneath, the part wherever the turns put it.
 */
export function useScrolledTo(part: PagePart | null) {
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
