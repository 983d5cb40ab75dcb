// Moving chosen pages as one decision of the store: several pages land together, in order, wherever they
// came from; Ctrl+arrows' places.
import { describe, expect, it } from 'vitest';
import type { Manifest, ManifestCopy, PageRef } from '../../core/api/contract';
import { applyDecision } from '../../core/decisions/apply-decision';
import { arrowPlace, inBatchOrder, moveDecision, pageKey } from '../../renderer/src/features/desk/page-moves';
import type { Place } from '../../renderer/src/features/desk/page-moves';
import { copyId } from '../../core/pipeline/copies';

const SHA = 'ee'.repeat(32);
const SOURCES = [{ sha256: SHA }];

function copyOf(sources: number[]): ManifestCopy {
  const pages = sources.map((source) => ({
    file: 1,
    source,
    half: 'full' as const,
    rotate: 0 as const,
    blank: false,
  }));
  const id = copyId(SHA, sources[0]!, 'full');
  return {
    id,
    status: 'needs_review',
    student: null,
    confidence: 0,
    reasons: [],
    candidates: [],
    pages,
    file: `copies/${id}.pdf`,
  };
}

const manifestOf = (...copies: number[][]): Manifest =>
  ({
    version: 1,
    sources: [{ file: 'a.pdf', sha256: SHA, pages: 99 }],
    copies: copies.map(copyOf),
  }) as unknown as Manifest;

const ref = (source: number): PageRef => ({ file: 1, source, half: 'full' });

/** What the copies hold once the move is applied through core's own decision. */
function moved(manifest: Manifest, pages: PageRef[], place: Place): number[][] {
  const decision = moveDecision(manifest, pages, place);
  expect(decision?.kind).toBe('move-pages');
  const { copies } = applyDecision({ copies: manifest.copies, rescans: [] }, decision!, SOURCES);
  return copies.map((copy) => copy.pages.map((page) => page.source));
}

describe('moving chosen pages', () => {
  it('lands several pages together, in batch order, before a page of another copy', () => {
    const manifest = manifestOf([1, 2, 3, 4], [5, 6, 7, 8]);
    const chosen = inBatchOrder(manifest, new Set([pageKey(ref(4)), pageKey(ref(2))]));
    expect(chosen.map((page) => page.source)).toEqual([2, 4]);
    expect(moved(manifest, chosen, { before: ref(6) })).toEqual([
      [1, 3],
      [5, 2, 4, 6, 7, 8],
    ]);
    expect(moved(manifest, chosen, { endOf: ref(5) })).toEqual([
      [1, 3],
      [5, 6, 7, 8, 2, 4],
    ]);
  });

  it('reorders within a copy, and a page already in its place is no step', () => {
    const manifest = manifestOf([1, 2, 3, 4]);
    expect(moved(manifest, [ref(4)], { before: ref(1) })).toEqual([[4, 1, 2, 3]]);
    expect(moveDecision(manifest, [ref(2)], { before: ref(3) })).toBeNull();
    expect(moveDecision(manifest, [ref(4)], { endOf: ref(1) })).toBeNull();
    expect(moveDecision(manifest, [ref(3), ref(4)], { endOf: ref(1) })).toBeNull();
    // Pages from two copies to the end of the first: one copy ends, the other gets them in order.
    expect(moved(manifestOf([1, 2], [3, 4]), [ref(2), ref(3), ref(4)], { endOf: ref(1) })).toEqual([
      [1, 2, 3, 4],
    ]);
  });

  it('sends the chosen block one place earlier or later with Ctrl+← / →, to another copy with Ctrl+↑ / ↓', () => {
    const manifest = manifestOf([1, 2, 3, 4], [5, 6, 7, 8]);
    const block = [ref(2), ref(3)];
    const go = (key: Parameters<typeof arrowPlace>[2]) => {
      const place = arrowPlace(manifest, block, key);
      return place && moved(manifest, block, place);
    };
    expect(go('ArrowLeft')).toEqual([
      [2, 3, 1, 4],
      [5, 6, 7, 8],
    ]);
    expect(go('ArrowRight')).toEqual([
      [1, 4, 2, 3],
      [5, 6, 7, 8],
    ]);
    expect(go('ArrowDown')).toEqual([
      [1, 4],
      [5, 6, 7, 8, 2, 3],
    ]);
    expect(go('ArrowUp')).toBeNull();
    expect(arrowPlace(manifest, [ref(1)], 'ArrowLeft')).toBeNull();
    expect(arrowPlace(manifest, [ref(8)], 'ArrowRight')).toBeNull();
  });
});
