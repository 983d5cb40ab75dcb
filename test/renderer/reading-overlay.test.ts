// The reading drawn over the page: each box placed where it lies, a doubtful reading (below 60 %) marked
// so the eye goes to it, a confident one not.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { CellGuess } from '../../core/api/contract';
import { ReadingOverlay } from '../../renderer/src/features/desk/ReadingOverlay';
import { renderMarkup } from './render-markup';

const at = (x: number) => ({ x, y: 0.1, width: 0.03, height: 0.02 });

describe('the reading overlay', () => {
  it('marks a doubtful cell, not a confident one, and places each box on the page', async () => {
    const cells: CellGuess[] = [
      { char: 'B', confidence: 0.99, box: at(0.2) },
      { char: 'E', confidence: 0.41, box: at(0.25) },
      { char: null, confidence: 0.97, box: at(0.3) },
      { char: 'N', confidence: 0.6, box: at(0.35) },
    ];
    const html = await renderMarkup(createElement(ReadingOverlay, { cells }));
    const boxes = [
      ...html.matchAll(
        /<span class="(box-reading[^"]*)" style="([^"]*)">.*?<span class="cell-char">(.*?)<\/span><span class="cell-confidence">(\d+)<\/span>/g,
      ),
    ].map(([, className, style, char, percent]) => ({ className, style, char, percent }));
    expect(boxes.map(({ className, char, percent }) => [className, char, percent])).toEqual([
      ['box-reading', 'B', '99'],
      ['box-reading cell-doubtful', 'E', '41'],
      ['box-reading cell-empty', '·', '97'],
      ['box-reading', 'N', '60'],
    ]);
    expect(boxes[1]!.style).toBe('left:25%;top:10%;width:3%;height:2%');
    expect(html).toMatch(/^<div class="header-overlay" aria-hidden="true">/);
  });
});
