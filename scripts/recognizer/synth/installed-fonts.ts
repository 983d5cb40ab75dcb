// fontconfig silently substitutes a missing family, which would teach the classifier some other font under
// the missing one's name: refuse to synthesise from a family that is not installed.
import { execFileSync } from 'node:child_process';

export function assertFontsInstalled(fonts: readonly string[]): void {
  const listed = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  const installed = new Set(listed.split('\n').flatMap((line) => line.split(',').map((name) => name.trim())));
  const missing = fonts.filter((font) => !installed.has(font));
  if (missing.length > 0) {
    throw new Error(
      `Fonts not installed: ${missing.join(', ')}. See scripts/recognizer/training-fonts.ts for the Debian packages.`,
    );
  }
}
