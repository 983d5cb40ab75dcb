// The hard cases a generated batch lacks: sheets with nothing or little written on them, rescanned with
// the feeder's full ±3° and a few millimetres of offset.
import { describe, expect, it } from 'vitest';
import { compareSides } from '../../../core/identify/fingerprint/compare-sides';
import { fingerprintSide } from '../../../core/identify/fingerprint/side-fingerprint';
import { drawSide, type BarePaper, type Placement } from './drawn-side';

const DPI = 150;
const print = async (paper: BarePaper, placement: Placement) =>
  fingerprintSide(await drawSide(paper, placement, DPI), DPI);
const straight: Placement = { skew: 0.2, shiftX: 0.5, shiftY: -0.5, seed: 1 };
const tilted: Placement = { skew: -3, shiftX: -3, shiftY: 3, seed: 2 };
const otherWay: Placement = { skew: 3, shiftX: 3, shiftY: -2.5, seed: 3 };

describe('side fingerprints of bare and nearly bare sheets', () => {
  it('tells nothing on sheets with only their print and page boxes: too little ink, never the same', async () => {
    const recto = await print({ seed: 1, recto: true, pageBoxes: [8, 5], lines: 0 }, straight);
    const rescan = await print({ seed: 1, recto: true, pageBoxes: [8, 5], lines: 0 }, tilted);
    const another = await print({ seed: 2, recto: true, pageBoxes: [8, 5], lines: 0 }, tilted);
    const verso = await print({ seed: 3, recto: false, pageBoxes: [6, 7], lines: 0 }, otherWay);
    for (const other of [rescan, another, verso]) {
      expect(compareSides(recto, other).verdict).toBe('too-little-ink');
    }
  });

  it('finds a written sheet rescanned at the other extreme of skew and offset, and no other sheet', async () => {
    const papers: BarePaper[] = [11, 12, 13, 14].map((seed) => ({
      seed,
      recto: true,
      pageBoxes: [4, 1],
      lines: 14,
    }));
    const first = await Promise.all(papers.map((paper) => print(paper, tilted)));
    const again = await Promise.all(papers.map((paper) => print(paper, otherWay)));
    for (const [i, scan] of first.entries()) {
      const same = compareSides(scan, again[i]!);
      expect(same.verdict).toBe('same');
      // The second paper lay 6 mm further right and 5.5 mm higher: it must move back by as much.
      expect(Math.abs(same.shiftMm[0] + 6)).toBeLessThan(1.5);
      expect(Math.abs(same.shiftMm[1] - 5.5)).toBeLessThan(1.5);
      for (const [j, other] of again.entries()) {
        if (j !== i) expect(compareSides(scan, other).verdict).toBe('different');
      }
    }
  });

  it('never takes two nearly bare sheets of different students for one, whatever little they hold', async () => {
    for (const lines of [1, 3, 5]) {
      const a = await print({ seed: 20 + lines, recto: false, pageBoxes: [6, 7], lines }, straight);
      const b = await print({ seed: 30 + lines, recto: false, pageBoxes: [6, 7], lines }, tilted);
      expect(compareSides(a, b).verdict).not.toBe('same');
    }
  });

  it('finds a sheet rescanned the other way up', async () => {
    const paper: BarePaper = { seed: 51, recto: true, pageBoxes: [1, 4], lines: 12 };
    const upright = await print(paper, straight);
    const turned = compareSides(upright, await print(paper, { ...tilted, skew: 180 + tilted.skew }));
    expect(turned).toMatchObject({ verdict: 'same', turned: true });
    expect(compareSides(upright, await print(paper, tilted)).turned).toBe(false);
  });

  it('survives a JSON checkpoint unchanged', async () => {
    const paper: BarePaper = { seed: 41, recto: false, pageBoxes: [2, 3], lines: 10 };
    const scan = await print(paper, straight);
    const restored = JSON.parse(JSON.stringify(scan)) as typeof scan;
    expect(restored).toEqual(scan);
    expect(compareSides(restored, await print(paper, otherWay)).verdict).toBe('same');
  });
});
