import { describe, expect, it } from 'vitest';
import { progressPrinter } from '../../cli/progress';
import type { ProgressEvent } from '../../core/pipeline/process-options';

function printed(isTTY: boolean, events: ProgressEvent[]): string {
  let text = '';
  const stream = {
    isTTY,
    columns: 60,
    write: (chunk: string) => (text += chunk),
  } as unknown as NodeJS.WriteStream;
  const printer = progressPrinter(stream);
  events.forEach((event) => printer.onProgress(event));
  printer.finish();
  return text;
}

const pages = (total: number): ProgressEvent[] =>
  Array.from({ length: total }, (_, k) => ({ stage: 'classify', done: k + 1, total }));

describe('progressPrinter', () => {
  it('writes a line per tenth of a stage when stderr is not a terminal', () => {
    const lines = printed(false, pages(100)).trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('classify: 10/100 pages');
    expect(lines.at(-1)).toBe('classify: 100/100 pages');
  });

  it('redraws one bar per stage on a terminal, within its width', () => {
    const text = printed(true, [...pages(4), { stage: 'split', done: 1, total: 2, message: 'copies/a.pdf' }]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.split('\r').at(-1)).toMatch(/^classify \[#{24}\] 4\/4 pages/);
    expect(lines[1]!.split('\r').at(-1)).toMatch(/^split {4}\[#{12}-{12}\] 1\/2 copies copies\/a.pdf/);
    for (const drawn of text.split(/[\r\n]/)) expect(drawn.length).toBeLessThan(60);
  });
});
