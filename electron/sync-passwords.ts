// Main's part in the sync: the renderer never holds a kept password. A password the operator typed and asked
// to keep is sealed by the OS keychain (korrigo-password.ts) on its way to the core; a call that comes
// without one gets the kept one added here, in main, on its way to the core host, which holds it only in
// memory, in its session with that server.
import type { KorrigoPasswords } from './korrigo-password';

type Passwords = Pick<KorrigoPasswords, 'keep' | 'recall' | 'forget'>;

/** The calls that name a server account (sync.retry reuses the core's session or a typed password). */
const ACCOUNT_METHODS = new Set(['sync.exams', 'sync.run']);

export async function withKeptPassword(passwords: Passwords, name: string, args: unknown): Promise<unknown> {
  if (!ACCOUNT_METHODS.has(name) || typeof args !== 'object' || args === null) return args;
  const { server, username, password, rememberPassword } = args as Record<string, unknown>;
  if (typeof server !== 'string' || typeof username !== 'string') return args;
  const account = [accountServer(server), username.trim()] as const;
  try {
    if (typeof password === 'string' && password !== '') {
      if (rememberPassword === true) await passwords.keep(...account, password);
      else if (rememberPassword === false) await passwords.forget(...account);
      return args;
    }
    const kept = await passwords.recall(...account);
    return kept === undefined ? args : { ...args, password: kept };
  } catch {
    // A keychain or file that fails only loses the keeping: the call goes with what the operator typed.
    return args;
  }
}

/** The server as the keychain entry names it: its origin, however the operator typed the address. */
function accountServer(server: string): string {
  try {
    return new URL(server.trim()).origin;
  } catch {
    return server.trim();
  }
}
