// A flag that takes a value says what is wrong with the one it got (issue 20, bad input item 6): Node's
// parser calls a value starting with a dash "ambiguous", which used to come out as "takes no value".
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

async function refusal(...args: string[]): Promise<string> {
  const result = await runCli(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  return result.stderr;
}

describe('command arguments', () => {
  it('names an option given where a value was due', async () => {
    expect(await refusal('process', 'a.pdf', '--roster', '--out', 'd')).toMatch(
      /--roster needs a value \(--out is an option\)/,
    );
  });

  it('refuses a negative number with what it was', async () => {
    expect(await refusal('watch', 'inbox', '--roster', 'r.csv', '--interval', '-1')).toMatch(
      /--interval cannot be negative \(-1\)/,
    );
    expect(await refusal('serve', '--port', '-5')).toMatch(/--port cannot be negative \(-5\)/);
  });

  it('tells a missing value from a value given to a switch', async () => {
    expect(await refusal('export', 'abc', '--out')).toMatch(/--out needs a value/);
    expect(await refusal('batches', '--json=yes')).toMatch(/--json takes no value/);
  });
});
