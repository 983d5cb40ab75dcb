// The dependency rules of .dependency-cruiser.cjs must fail on the imports they are there to stop: each
// violation below is planted in a throw-away tree shaped like the project and must be reported by name.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** file -> its source; every import names the rule it must break in a comment. */
const TREE: Record<string, string> = {
  'core/manifest.ts': 'export type Manifest = { version: 1 };\n',
  // A cycle of types only.
  'core/pipeline/sheets.ts': "import type { Copy } from './copies';\nexport type Sheet = { copy?: Copy };\n",
  'core/pipeline/copies.ts':
    "import type { Sheet } from './sheets';\nexport type Copy = { sheets: Sheet[] };\n",
  // The store reaching up into jobs; identify reaching up into pipeline.
  'core/store/rows.ts': "import { runJob } from '../jobs/run-job';\nexport const rows = runJob;\n",
  'core/jobs/run-job.ts': 'export const runJob = 1;\n',
  'core/identify/read.ts': "import type { Sheet } from '../pipeline/sheets';\nexport type Read = Sheet;\n",
  // The browser-safe contract loading Node or a pipeline module at run time.
  'core/api/contract.ts':
    "import { join } from 'node:path';\nimport { split } from '../pdf/split';\nexport const c = [join, split];\n",
  'core/pdf/split.ts': 'export const split = 1;\n',
  // core knowing a shell.
  'core/watch/hot.ts': "import { flag } from '../../cli/flag';\nexport const hot = flag;\n",
  'cli/flag.ts': 'export const flag = 1;\n',
  // The renderer past the API.
  'renderer/src/App.tsx': "import { rows } from '../../core/store/rows';\nexport const app = rows;\n",
  // Electron main reaching the store through a helper, and a native module.
  'electron/main.ts':
    "import { helper } from './helper';\nimport 'better-sqlite3';\nexport const m = helper;\n",
  'electron/helper.ts': "import { rows } from '../core/store/rows';\nexport const helper = rows;\n",
  'tsconfig.base.json': JSON.stringify({
    compilerOptions: { moduleResolution: 'Bundler', module: 'ESNext' },
  }),
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

let dir: string;
let violations: Violation[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'korrigo-deps-'));
  for (const [file, text] of Object.entries(TREE)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const config = join(ROOT, '.dependency-cruiser.cjs');
  const args = [
    DEPCRUISE,
    'core',
    'cli',
    'electron',
    'renderer',
    '--config',
    config,
    '--output-type',
    'json',
  ];
  // depcruise exits non-zero when it finds violations, which is the point here.
  const stdout = await promisify(execFile)(process.execPath, args, { cwd: dir, maxBuffer: 1 << 24 }).then(
    (done) => done.stdout,
    (failed: { stdout: string }) => failed.stdout,
  );
  violations = (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function broken(rule: string): string[] {
  return violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} -> ${v.to}`);
}

describe('the dependency rules', () => {
  it('refuse an import cycle, even of types only', () => {
    expect(broken('no-cycle')).toEqual([expect.stringMatching(/^core\/pipeline\/(sheets|copies)\.ts -> /)]);
  });

  it('refuse an import from a higher core layer', () => {
    expect(broken('layer-store')).toEqual(['core/store/rows.ts -> core/jobs/run-job.ts']);
    expect(broken('layer-identify')).toEqual(['core/identify/read.ts -> core/pipeline/sheets.ts']);
  });

  it('keep core/api free of Node and of run-time imports beyond itself', () => {
    expect(broken('api-has-no-node')).toEqual(['core/api/contract.ts -> path']);
    expect(broken('api-is-browser-safe')).toContain('core/api/contract.ts -> core/pdf/split.ts');
  });

  it('keep the shells out of core and the renderer behind the API', () => {
    expect(broken('core-knows-no-shell')).toEqual(['core/watch/hot.ts -> cli/flag.ts']);
    expect(broken('renderer-sees-only-the-api')).toEqual(['renderer/src/App.tsx -> core/store/rows.ts']);
  });

  it('keep the store and native modules out of Electron main, however indirectly', () => {
    const reached = broken('electron-main-loads-no-store');
    expect(reached).toContain('electron/main.ts -> core/store/rows.ts');
    expect(reached.some((edge) => /^electron\/main\.ts -> .*better-sqlite3/.test(edge))).toBe(true);
  });
});
