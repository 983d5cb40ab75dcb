// The fonts training reads, made visible to librsvg in this process only (and the fc-list it runs), so
// nothing else on the machine renders differently: a private fontconfig file adds to the system's
// - the handwriting families published on npm as @fontsource/* (dev dependencies): each package's latin
//   .woff is converted once to TTF with python3-fonttools;
// - the Debian font packages training-fonts.ts lists, unpacked without installing them (DEBIAN_FONTS).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const CACHE = resolve('node_modules/.cache/korrigo-fontsource');
/**
 * Filled once by: cd /tmp && apt-get download <the packages of training-fonts.ts> &&
 * for f in *.deb; do dpkg -x "$f" <repo>/node_modules/.cache/korrigo-debian-fonts; done
 */
const DEBIAN_FONTS = resolve('node_modules/.cache/korrigo-debian-fonts');

/** `@fontsource/<package>` → the family name its font declares. */
export const FONTSOURCE_FAMILIES: Readonly<Record<string, string>> = {
  'annie-use-your-telescope': 'Annie Use Your Telescope',
  'architects-daughter': 'Architects Daughter',
  caveat: 'Caveat',
  'caveat-brush': 'Caveat Brush',
  'cedarville-cursive': 'Cedarville Cursive',
  delius: 'Delius',
  gaegu: 'Gaegu',
  'gloria-hallelujah': 'Gloria Hallelujah',
  handlee: 'Handlee',
  'homemade-apple': 'Homemade Apple',
  'indie-flower': 'Indie Flower',
  itim: 'Itim',
  kalam: 'Kalam',
  neucha: 'Neucha',
  'permanent-marker': 'Permanent Marker',
  'playpen-sans': 'Playpen Sans',
  'rock-salt': 'Rock Salt',
  'shadows-into-light': 'Shadows Into Light',
  'short-stack': 'Short Stack',
  sriracha: 'Sriracha',
  'sue-ellen-francisco': 'Sue Ellen Francisco',
  'swanky-and-moo-moo': 'Swanky and Moo Moo',
  'the-girl-next-door': 'The Girl Next Door',
  yomogi: 'Yomogi',
  'zen-kurenaido': 'Zen Kurenaido',
};

// Debian's python3-fonttools: a python3 earlier on PATH (pyenv, venv) may not have it.
const PYTHON = '/usr/bin/python3';
const CONVERT = [
  'import sys',
  'from fontTools.ttLib import TTFont',
  'font = TTFont(sys.argv[1])',
  'font.flavor = None',
  'font.save(sys.argv[2])',
].join('\n');

/** Converts what is missing and points this process's fontconfig at the training fonts. */
export function useTrainingFonts(): void {
  mkdirSync(CACHE, { recursive: true });
  for (const name of Object.keys(FONTSOURCE_FAMILIES)) {
    const ttf = join(CACHE, `${name}.ttf`);
    if (existsSync(ttf)) continue;
    const woff = resolve(`node_modules/@fontsource/${name}/files/${name}-latin-400-normal.woff`);
    if (!existsSync(woff)) throw new Error(`@fontsource/${name} is not installed (npm ci installs it).`);
    try {
      execFileSync(PYTHON, ['-c', CONVERT, woff, ttf], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch {
      throw new Error(`Could not convert ${woff} to TTF: apt-get install python3-fonttools.`);
    }
  }
  const config = join(CACHE, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n` +
      `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${CACHE}</dir>\n  <dir>${DEBIAN_FONTS}</dir>\n` +
      `  <cachedir>${join(CACHE, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  process.env.FONTCONFIG_FILE = config;
}
