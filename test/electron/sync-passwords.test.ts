// Main adds the kept Korrigo password to a sync call on its way to the core: the renderer never holds it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KorrigoPasswords } from '../../electron/korrigo-password';
import { withKeptPassword } from '../../electron/sync-passwords';
import { useTempDir } from '../pipeline/temp-dir';

const tempDir = useTempDir();

const keychain = {
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret' as const,
  encryptStringAsync: async (text: string) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
  decryptStringAsync: async (sealed: Buffer) => ({
    result: Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString(),
    shouldReEncrypt: false,
  }),
};

describe('the kept Korrigo password in Electron main', () => {
  it('keeps a typed password when asked, adds it to later calls without one, and forgets it when asked', async () => {
    const file = join(tempDir(), 'korrigo-passwords.json');
    const passwords = new KorrigoPasswords(keychain, file);
    const account = { server: 'https://korrigo.example.tn/', username: 'prof' };
    const run = { ...account, batchId: 'b', exam: { exam: 'Bac blanc' } };

    // Nothing kept yet: the call goes as it came (the core uses its session or asks for the password).
    expect(await withKeptPassword(passwords, 'sync.run', run)).toEqual(run);
    const typed = { ...account, password: 'S3cret-Pa55', rememberPassword: true };
    expect(await withKeptPassword(passwords, 'sync.exams', typed)).toEqual(typed);
    expect(await readFile(file, 'utf8')).not.toContain('S3cret-Pa55');
    // The address as typed another time (no slash) names the same entry.
    expect(
      await withKeptPassword(passwords, 'sync.run', { ...run, server: 'https://korrigo.example.tn' }),
    ).toMatchObject({ password: 'S3cret-Pa55' });
    // Only the calls that name an account get it.
    expect(await withKeptPassword(passwords, 'sync.status', { batchId: 'b' })).toEqual({ batchId: 'b' });
    expect(await withKeptPassword(passwords, 'batches.list', {})).toEqual({});

    await withKeptPassword(passwords, 'sync.run', {
      ...run,
      password: 'typed-once',
      rememberPassword: false,
    });
    expect(await withKeptPassword(passwords, 'sync.run', run)).toEqual(run);
  });
});
