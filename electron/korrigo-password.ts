// The desktop app's Korrigo password, kept between sessions only encrypted by the operating system's
// keychain (Electron safeStorage). Where the OS offers no real keychain (Linux without a secret service:
// safeStorage would fall back to a fixed key), nothing is kept and the app asks each time.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { SafeStorage } from 'electron';

type Keychain = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

export class KorrigoPasswords {
  constructor(
    private readonly keychain: Keychain,
    /** A JSON file in userData: `{"<server> <user>": "<base64 ciphertext>"}`. */
    private readonly file: string,
  ) {}

  /** Whether a password can be kept at all (else the app asks for it each time). */
  async canKeep(): Promise<boolean> {
    if (!(await this.keychain.isAsyncEncryptionAvailable())) return false;
    return process.platform !== 'linux' || this.keychain.getSelectedStorageBackend() !== 'basic_text';
  }

  async keep(server: string, user: string, password: string): Promise<boolean> {
    if (!(await this.canKeep())) return false;
    const kept = await this.read();
    kept[`${server} ${user}`] = (await this.keychain.encryptStringAsync(password)).toString('base64');
    await this.write(kept);
    return true;
  }

  async recall(server: string, user: string): Promise<string | undefined> {
    const sealed = (await this.read())[`${server} ${user}`];
    if (!sealed || !(await this.canKeep())) return undefined;
    try {
      const { result, shouldReEncrypt } = await this.keychain.decryptStringAsync(
        Buffer.from(sealed, 'base64'),
      );
      if (shouldReEncrypt) await this.keep(server, user, result);
      return result;
    } catch {
      // Sealed by another user or machine: as if nothing were kept.
      return undefined;
    }
  }

  async forget(server: string, user: string): Promise<void> {
    const kept = await this.read();
    delete kept[`${server} ${user}`];
    await this.write(kept);
  }

  private async read(): Promise<Record<string, string>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private async write(kept: Record<string, string>): Promise<void> {
    await writeFile(`${this.file}.tmp`, JSON.stringify(kept), { mode: 0o600 });
    await rename(`${this.file}.tmp`, this.file);
  }
}
