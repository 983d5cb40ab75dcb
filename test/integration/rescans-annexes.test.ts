// Rescanned sheets and A4 annexes on a generated batch, processed end to end: every rescan set aside
// (naming the copy that holds its first scan), never in a copy; every annex at the end of its student's
// copy; no page lost, none doubled, no student mixed, and the copy PDFs show exactly that.
import { describe, expect, it } from 'vitest';
import { halfKey } from '../../core/pipeline/copies';
import { copyPageIds, renderedCopyPageIds, truthByHalf } from './truth-check';
import { useGeneratedBatches } from './process-generated';

const processGenerated = useGeneratedBatches('korrigo-rescans-');

describe('rescans and annexes on a generated batch', () => {
  it('sets every rescan aside and attaches every annex to its student', { timeout: 400_000 }, async () => {
    const { batch, manifest, outDir } = await processGenerated({
      seed: 7,
      shape: 'compact',
      dpi: 150,
      students: 6,
      fonts: ['Comic Neue'],
      duplicateSheets: { atEnd: 1, rightAfter: 1, repeatFile: 2 },
      annexes: { afterCopy: 1, inStack: 1, ownFile: 1 },
      versoFirst: 1,
    });
    const { truth } = batch;
    const byHalf = truthByHalf(truth);
    const pageById = new Map(truth.pages.map((page) => [page.id, page]));
    const ids = copyPageIds(manifest, truth);
    const setAside = (manifest.setAside ?? []).map((entry) =>
      entry.pages.map((p) => byHalf.get(halfKey(p.file, p.source, p.half))!),
    );

    // Every scanned half once: in a copy, or set aside; the rescans (and only they) set aside.
    const placed = [...ids.flat(), ...setAside.flat()].sort((a, b) => a - b);
    expect(placed).toEqual([...byHalf.values()].sort((a, b) => a - b));
    expect(manifest.invariants.violations).toEqual([]);
    const rescans = truth.pages.filter((page) => page.duplicateOf !== undefined).map((page) => page.id);
    expect(rescans.length).toBe(16);
    expect(setAside.flat().sort((a, b) => a - b)).toEqual(rescans.sort((a, b) => a - b));

    // Each set-aside names the copy holding the pages it repeats, in the same reading order.
    manifest.setAside!.forEach((entry, k) => {
      const of = manifest.copies.findIndex((copy) => copy.id === entry.of);
      expect(of).toBeGreaterThanOrEqual(0);
      const originals = setAside[k]!.map((id) => pageById.get(id)!.duplicateOf!);
      const start = ids[of]!.indexOf(originals[0]!);
      expect(ids[of]!.slice(start, start + originals.length)).toEqual(originals);
      expect(entry.reason).toBe('duplicate');
    });

    // No student mixed; every copy ready and its student's; annexes close their student's copy.
    const annexPages = new Set((truth.annexes ?? []).map((annex) => annex.page));
    expect(annexPages.size).toBe(3);
    manifest.copies.forEach((copy, c) => {
      const owners = new Set(ids[c]!.map((id) => pageById.get(id)!.student));
      expect(owners.size, `copy ${copy.id}`).toBe(1);
      expect(copy.status, `copy ${copy.id}: ${copy.reasons.join('; ')}`).toBe('ready');
      expect(copy.student?.email).toBe([...owners][0]);
      const kinds = copy.pages.map((page, i) => (annexPages.has(ids[c]![i]!) ? 'annex' : 'sheet'));
      expect(copy.pages.map((page) => page.kind ?? 'sheet')).toEqual(kinds);
      expect(kinds.filter((kind) => kind === 'sheet').length % 4).toBe(0);
      expect(
        kinds.indexOf('annex') === -1 || kinds.slice(kinds.indexOf('annex')).every((k) => k === 'annex'),
      ).toBe(true);
    });
    for (const annex of truth.annexes ?? []) {
      const c = ids.findIndex((copy) => copy.includes(annex.page));
      expect(manifest.copies[c]?.student?.email).toBe(annex.student);
    }

    // The copy PDFs show the pages the manifest lists.
    expect(await renderedCopyPageIds(manifest, outDir, 40)).toEqual(ids);
  });
});
