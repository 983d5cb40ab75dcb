// Each page's box drawn on its page: the number and the total outlined where they lie, with their value and
// confidence, a doubtful one marked (its own class, not the header's), and the same said in words.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Manifest, ManifestCopy, PageReading } from '../../core/api/contract';
import type { Host } from '../../renderer/src/host';
import { HostContext } from '../../renderer/src/host';
import { PageBoxReadings } from '../../renderer/src/features/desk/PageBoxReadings';
import { renderMarkup } from './render-markup';

const part = (x: number) => ({ x, y: 0.94, width: 0.03, height: 0.025 });
const page = (source: number) => ({
  file: 1,
  source,
  half: 'left' as const,
  rotate: 0 as const,
  blank: false,
});
const manifest = { sources: [{ sha256: 'ab'.repeat(32) }] } as unknown as Manifest;
const copy = { id: 'c1', pages: [page(1), page(2), page(3)] } as unknown as ManifestCopy;

/** A page whose box was read as `number / total`, each as sure as given, placed on the page. */
const boxed = (number: number, total: number, sure: [number, number], role: PageReading['role']) => ({
  pageBox: {
    number,
    total,
    confidence: { number: sure[0], total: sure[1] },
    boxes: { number: part(0.84), total: part(0.9) },
  },
  missing: [],
  role,
});

const pages: PageReading[] = [
  boxed(1, 4, [0.98, 0.97], 'recto'),
  boxed(7, 4, [0.41, 0.95], 'verso'),
  // Read before boxes were placed: said in words, nothing drawn.
  { pageBox: { number: 3, total: 4, confidence: { number: 0.9, total: 0.9 } }, missing: [], role: 'verso' },
];

async function render(lng: 'fr' | 'en' = 'fr', shown: PageReading[] = pages) {
  const host = { kind: 'browser', bridge: {} } as unknown as Host;
  const list = createElement(PageBoxReadings, { manifest, copy, pages: shown });
  return renderMarkup(createElement(HostContext.Provider, { value: host }, list), lng);
}

describe('the page boxes drawn on their pages', () => {
  it('outlines each box with its value and confidence, marks the doubtful one, and says it in words', async () => {
    const html = await render();
    const drawn = [
      ...html.matchAll(
        /<span class="(page-box-reading[^"]*)" style="([^"]*)">.*?<span class="cell-char">(.*?)<\/span><span class="cell-confidence">(\d+)<\/span>/g,
      ),
    ].map(([, className, style, char, percent]) => ({ className, style, char, percent }));
    expect(drawn.map(({ className, char, percent }) => [className, char, percent])).toEqual([
      ['page-box-reading', '1', '98'],
      ['page-box-reading', '4', '97'],
      ['page-box-reading cell-doubtful', '7', '41'],
      ['page-box-reading', '4', '95'],
    ]);
    // On the page-box band (the bottom 15 % of the page), asked for at once: the box at 94 % of the page
    // is at 60 % of the band, 2.5 % of the page high is a sixth of the band.
    const placed = (style = '') =>
      Object.fromEntries(
        style.split(';').map((rule) => {
          const [name = '', value = ''] = rule.split(':');
          return [name, parseFloat(value)];
        }),
      );
    expect(placed(drawn[0]!.style)).toEqual({
      left: 84,
      top: expect.closeTo(60, 6),
      width: 3,
      height: expect.closeTo(16.667, 2),
    });
    expect(html.match(/class="thumbnail thumbnail-band thumbnail-pending"/g)).toHaveLength(2);
    expect(html).not.toContain('thumbnail-large');
    // Not the header's boxes (the desk counts those), and hidden from screen readers like them.
    expect(html).not.toMatch(/class="box-reading/);
    expect(html.match(/class="page-box-overlay" aria-hidden="true"/g)).toHaveLength(2);
    // Two crops (the third page's box has no place), each focusable and named.
    expect(
      [...html.matchAll(/<figure class="page-box-crop" tabindex="0" aria-label="([^"]*)"/g)].map((m) => m[1]),
    ).toEqual(['Case de page de P1, lue sur la page', 'Case de page de P2, lue sur la page']);
    const words = [...html.matchAll(/<span class="(page-box-words[^"]*)">(.*?)<\/span>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(words).toEqual([
      ['page-box-words', 'page 1 / 4 (lue à 98 % et 97 %)'],
      ['page-box-words cell-doubtful', 'page 7 / 4 (lue à 41 % et 95 %) — lecture douteuse'],
      ['page-box-words', 'page 3 / 4 (lue à 90 % et 90 %)'],
    ]);
    expect(await render('en')).toContain('page 7 / 4 (read at 41 % and 95 %) — doubtful reading');
    expect(html).toContain('<button type="button" class="page-boxes-toggle" aria-pressed="true">');
  });

  it('draws them on demand only when every box reads surely (each crop costs a large rendering)', async () => {
    const html = await render('fr', [pages[0]!, pages[2]!]);
    expect(html).not.toContain('page-box-crop');
    expect(html).toContain(
      '<button type="button" class="page-boxes-toggle" aria-pressed="false">Cases de page sur les pages</button>',
    );
    expect(html).toContain('page 1 / 4 (lue à 98 % et 97 %)');
  });

  it('draws a box outside the band (a page turned since) on the whole page, asked for after a moment', async () => {
    const turned = boxed(2, 4, [0.41, 0.95], 'verso');
    turned.pageBox.boxes = { number: { ...part(0.84), y: 0.5 }, total: { ...part(0.9), y: 0.5 } };
    const html = await render('fr', [turned]);
    expect(html).toContain('style="left:84%;top:50%;width:3%;height:2.5%"');
    expect(html).toContain('class="thumbnail thumbnail-large thumbnail-pending"');
    expect(html).not.toContain('thumbnail-band');
  });
});
