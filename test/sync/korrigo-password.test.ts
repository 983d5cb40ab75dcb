// The desktop shell's password keeping, with a stand-in for Electron's safeStorage.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KorrigoPasswords } from '../../electron/korrigo-password';
import { useTempDir } from '../pipeline/temp-dir';

const tempDir = useTempDir();

/** Reversible but not plain: what matters is that only the keychain's output reaches the disk. */
const keychain = (backend: 'gnome_libsecret' | 'basic_text' = 'gnome_libsecret') => ({
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => backend,
  encryptStringAsync: async (text: string) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
  decryptStringAsync: async (sealed: Buffer) => ({
    result: Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString(),
    shouldReEncrypt: false,
  }),
});

describe('Korrigo password in the desktop app', () => {
  it('keeps it only sealed by the keychain, and gives it back', async () => {
    const file = join(tempDir(), 'korrigo-credentials.json');
    const passwords = new KorrigoPasswords(keychain(), file);
    expect(await passwords.keep('https://korrigo.example.tn', 'prof', 'S3cret-Pa55')).toBe(true);
    expect(await readFile(file, 'utf8')).not.toContain('S3cret-Pa55');
    expect(await passwords.recall('https://korrigo.example.tn', 'prof')).toBe('S3cret-Pa55');
    await passwords.forget('https://korrigo.example.tn', 'prof');
    expect(await passwords.recall('https://korrigo.example.tn', 'prof')).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')(
    'keeps nothing where Linux has no keychain (basic_text)',
    async () => {
      const passwords = new KorrigoPasswords(keychain('basic_text'), join(tempDir(), 'k.json'));
      expect(await passwords.keep('https://k.example.tn', 'prof', 'S3cret-Pa55')).toBe(false);
      expect(await passwords.recall('https://k.example.tn', 'prof')).toBeUndefined();
    },
  );
});
