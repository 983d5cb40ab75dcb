import { describe, expect, it } from 'vitest';
import { KorrigoError } from '../../core/errors';
import { reportError } from '../../cli/report-error';

function report(error: unknown, verbose = false): { code: number; text: string } {
  let text = '';
  const code = reportError(error, verbose, (chunk) => (text += chunk));
  return { code, text };
}

describe('reportError', () => {
  it('prints what the operator can fix as one line with its hint, exit 2', () => {
    const error = new KorrigoError('pdf-encrypted', 'SKM1.pdf: the file is encrypted', {
      hint: 'scan it again',
    });
    expect(report(error)).toEqual({
      code: 2,
      text: 'korrigo-station: error: SKM1.pdf: the file is encrypted; scan it again\n',
    });
  });

  it('prints anything else as an internal error, exit 1, the stack only with --verbose', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    expect(report(bug)).toEqual({
      code: 1,
      text: "korrigo-station: internal error: Cannot read properties of undefined (reading 'x') (run again with --verbose for details)\n",
    });
    expect(report(new KorrigoError('internal', 'page bookkeeping failed')).code).toBe(1);
    expect(report(bug, true).text).toMatch(/^korrigo-station: internal error: .*\nTypeError: .*\n\s+at /);
  });
});
