// Electron main trusts a sender frame, and opens a link, only when its URL parses to the station's own
// origin. Known bypasses of substring checks must fail here.
import { describe, expect, it } from 'vitest';
import { batchFilePath, isAppUrl } from '../../electron/trusted-url';

describe('the Electron shell trusts only app://korrigo', () => {
  it('accepts its own pages', () => {
    expect(isAppUrl('app://korrigo/')).toBe(true);
    expect(isAppUrl('app://korrigo/index.html#top')).toBe(true);
  });

  it('refuses look-alikes', () => {
    for (const url of [
      'https://example.invalid/?next=app://korrigo',
      'https://app//korrigo/',
      'app://korrigo.evil.example/',
      'app://evil.example/korrigo/',
      'app://korrigo@evil.example/',
      'app://user:pass@korrigo/',
      'app://korrigo:8080/',
      'file:///app/korrigo/index.html',
      'http://korrigo/',
      'korrigo',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('recognises links to batch files only under app://korrigo/files/', () => {
    expect(batchFilePath('app://korrigo/files/20260503-101500-a1b2c3/copies/c1.pdf')).toBe(
      '/files/20260503-101500-a1b2c3/copies/c1.pdf',
    );
    expect(batchFilePath('app://korrigo/index.html')).toBeNull();
    expect(batchFilePath('https://example.invalid/files/x/copies/c1.pdf')).toBeNull();
    expect(batchFilePath('app://evil/files/x/copies/c1.pdf')).toBeNull();
  });
});
