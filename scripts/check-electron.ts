// `npm run lint:electron`: Electronegativity over electron/, offline, failing on any finding that
// electron/electronegativity-accepted.json does not explain. Run through npx at a pinned version: the
// tool brings its own eslint 7 and TypeScript 4, which the project's own tooling must not be mixed with.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const TOOL = '@doyensec/electronegativity@1.10.3';
const accepted = (
  JSON.parse(readFileSync(join(ROOT, 'electron', 'electronegativity-accepted.json'), 'utf8')) as {
    accepted: { check: string; file: string }[];
  }
).accepted;
const electronVersion = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
try {
  const report = join(dir, 'report.csv');
  execFileSync(
    'npx',
    ['--yes', TOOL, '-i', join(ROOT, 'electron'), '-e', electronVersion, '-r', '-v', 'false', '-o', report],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // One finding per "CHECK_ID","SEVERITY","CONFIDENCE","file","line:column" run; samples may hold newlines.
  const findings = [
    ...readFileSync(report, 'utf8').matchAll(/([A-Z_]+_CHECK),"(\w+)","(\w+)","([^"]+)","([^"]*)"/g),
  ].map(([, check = '', severity, , file = '', location]) => ({ check, severity, file, location }));
  const unexplained = findings.filter(
    (finding) => !accepted.some((entry) => entry.check === finding.check && entry.file === finding.file),
  );
  for (const finding of findings) {
    const mark = unexplained.includes(finding) ? 'UNEXPLAINED' : 'explained';
    console.log(`${mark}  ${finding.check} ${finding.severity} electron/${finding.file}:${finding.location}`);
  }
  if (unexplained.length > 0) {
    console.error(
      `${unexplained.length} Electronegativity finding(s) not explained in electron/electronegativity-accepted.json`,
    );
    process.exitCode = 1;
  } else {
    console.log(`Electronegativity: ${findings.length} finding(s), all explained`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
