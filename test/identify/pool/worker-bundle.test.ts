// A worker entry run from the sources is bundled once into plain JS: each file still sees its own URL,
// packages load from where they are installed, and the thread runs without tsx (no loader thread, no
// source maps of its own).
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleWorker } from '../../../core/identify/pool/worker-bundle';

const fixture = (name: string) => new URL(`./${name}`, import.meta.url);

describe('bundleWorker', () => {
  it('runs the entry from a data: URL, each file at its own URL, packages by absolute URL', async () => {
    const url = await bundleWorker(fixture('where-am-i.ts').pathname);
    expect(url.protocol).toBe('data:');
    const code = Buffer.from(url.href.slice(url.href.indexOf(',') + 1), 'base64').toString('utf8');
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(imports).toContain(pathToFileURL(require.resolve('papaparse')).href);
    expect(imports.every((specifier) => /^(node:|file:)/.test(specifier!))).toBe(true);

    const worker = new Worker(url, { execArgv: [] });
    const said = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(said).toEqual({
      self: fixture('where-am-i.ts').href,
      imported: fixture('where-am-i-too.ts').href,
      parsed: [['a', 'b']],
      sourceMaps: false,
    });
  });

  it('rejects with the compiler’s reason when the entry does not compile', async () => {
    await expect(bundleWorker(fixture('no-such-entry.ts').pathname)).rejects.toThrow(/no-such-entry/);
  });
});
