// Files dropped on the window join the new-batch form as picks do: PDFs as scans in the order dropped,
// the last CSV as the roster, anything else named back.
import { describe, expect, it } from 'vitest';
import { sortDropped } from '../../renderer/src/features/new-batch/dropped-files';

// As picks by path are (chosen-file.ts's fromPaths, which the node project cannot compile: it sees the host).
const fromPaths = (paths: string[]) =>
  paths.map((path, key) => ({ key, name: path.split('/').pop()!, path }));

describe('a drop on the new-batch form', () => {
  it('takes the PDFs in order, the last CSV as roster, and names the rest', () => {
    const sorted = sortDropped(
      fromPaths(['/s/SKM2.pdf', '/s/old.csv', '/s/SKM1.PDF', '/s/eleves.csv', '/s/notes.txt']),
    );
    expect(sorted.scans.map((file) => file.name)).toEqual(['SKM2.pdf', 'SKM1.PDF']);
    expect(sorted.roster?.name).toBe('eleves.csv');
    expect(sorted.refused).toEqual(['notes.txt']);
  });
});
