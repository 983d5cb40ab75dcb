// Waits in the page for what the operator would see, checked at each animation frame and every 5 ms, and
// gives the time (Date.now(), one clock for every tab) of the first look that finds it. The renderer's CSP forbids
// evaluating strings, so the checks are one function, told what to look for.
import type { Page } from 'playwright-core';

export type Sight =
  /** The desk shows its strips (thumbnails made or not). */
  | { kind: 'strips' }
  /** At least `count` thumbnails of the strips are loaded images. */
  | { kind: 'thumbnails'; count: number }
  /** Every thumbnail mounted in the strips is a loaded image. */
  | { kind: 'all-thumbnails' }
  /** The text of `selector` is no longer `text`. */
  | { kind: 'text-changed'; selector: string; text: string }
  /** The page button `label` shows its page turned `deg` (its image's turn plus any turn drawn over it). */
  | { kind: 'turned'; label: string; deg: number }
  /** The page button `label` shows the station's thumbnail made for the turn `deg`, nothing drawn over. */
  | { kind: 'made'; label: string; deg: number };

export function whenShown(page: Page, sight: Sight, timeout = 120_000): Promise<number> {
  return page.evaluate(
    ([wanted, limit]) =>
      new Promise<number>((resolve, reject) => {
        const turnOfUrl = (img: HTMLImageElement) =>
          Number(/-(\d+)(-large)?\.webp$/.exec(img.dataset.thumbnail ?? '')?.[1] ?? -1);
        const imageOf = (label: string) =>
          document.querySelector<HTMLImageElement>(`[aria-label="${label}"] img`);
        const loaded = (img: HTMLImageElement) => img.complete && img.naturalHeight > 0;
        const holds = (): boolean => {
          const images = [...document.querySelectorAll<HTMLImageElement>('.strips img.thumbnail')];
          switch (wanted.kind) {
            case 'strips':
              return document.querySelector('.strips .strip') !== null;
            case 'thumbnails':
              return images.filter(loaded).length >= wanted.count;
            case 'all-thumbnails':
              return (
                document.querySelectorAll('.strips .thumbnail-pending').length === 0 && images.every(loaded)
              );
            case 'text-changed':
              return (document.querySelector(wanted.selector)?.textContent ?? '') !== wanted.text;
            case 'turned': {
              const img = imageOf(wanted.label);
              if (!img) return false;
              const drawn = Number(/rotate\((\d+)deg\)/.exec(img.style.transform)?.[1] ?? 0);
              return (turnOfUrl(img) + drawn) % 360 === wanted.deg;
            }
            case 'made': {
              const img = imageOf(wanted.label);
              return !!img && loaded(img) && !img.style.transform && turnOfUrl(img) === wanted.deg;
            }
          }
        };
        const end = performance.now() + limit;
        let done = false;
        const check = () => {
          if (done) return;
          if (holds()) resolve(Date.now());
          else if (performance.now() > end) reject(new Error(`not shown: ${JSON.stringify(wanted)}`));
          else return false;
          done = true;
          clearInterval(timer);
          return true;
        };
        // Animation frames alone are not enough: in the window that was just clicked, headless Chromium
        // ran none for about a second while the page had long changed (a snapshot 300 ms after a turn
        // showed the turned thumbnail; the frame loop saw it at 1 000 ms). A 5 ms look catches the DOM.
        const timer = setInterval(check, 5);
        const frame = () => {
          if (!check() && !done) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    [sight, timeout] as const,
  );
}
