// Files dropped on the desktop window: main grants absolute paths of PDFs and CSVs only, and nothing from
// a message that is not such a list.
import { describe, expect, it } from 'vitest';
import { acceptedDrops } from '../../electron/dropped-files';

describe('dropped files', () => {
  it('accepts absolute paths of scanner PDFs and roster CSVs', () => {
    expect(acceptedDrops(['/home/op/SKM1.pdf', '/home/op/eleves.CSV'])).toEqual([
      '/home/op/SKM1.pdf',
      '/home/op/eleves.CSV',
    ]);
  });

  it('grants nothing for a relative path, another kind of file, or a message of another shape', () => {
    expect(acceptedDrops(['SKM1.pdf'])).toEqual([]);
    expect(acceptedDrops(['/etc/passwd'])).toEqual([]);
    expect(acceptedDrops('/home/op/SKM1.pdf')).toEqual([]);
    expect(acceptedDrops([42])).toEqual([]);
  });
});
