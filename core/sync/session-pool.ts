// The station's sessions with Korrigo servers, one per server and account, kept between syncs while the
// server honours them: Korrigo counts every login (5 per 15 minutes, shared by the school's stations) and a
// session lasts 4 hours, so a sync never logs in when the account's session is still good. The password
// typed for a sync stays in the session's memory (for a login after the server forgot the session), never
// anywhere else; closing the pool logs every session out.
import { KorrigoSession } from './korrigo-session';

export interface Account {
  origin: string;
  username: string;
}

const keyOf = (account: Account) => `${account.origin} ${account.username}`;

export class KorrigoSessions {
  private readonly sessions = new Map<string, KorrigoSession>();

  /** The account's kept session (with the password when one is typed again), or a new one. */
  take(
    account: Account,
    password: string | undefined,
    options: { timeoutMs?: number; uploadTimeoutMs?: number } = {},
  ): KorrigoSession {
    const kept = this.sessions.get(keyOf(account));
    if (kept) {
      if (password !== undefined && password !== '') kept.usePassword(password);
      return kept;
    }
    const session = new KorrigoSession({ ...account, password: password ?? '', ...options });
    this.sessions.set(keyOf(account), session);
    return session;
  }

  /** Whether the station holds a session it logged in with for this account. */
  isOpen(account: Account): boolean {
    return this.sessions.get(keyOf(account))?.isOpen ?? false;
  }

  /** Forgets the account's session without a request (a refused login: its password is wrong). */
  drop(account: Account): void {
    this.sessions.delete(keyOf(account));
  }

  async closeAll(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((session) => session.close()));
  }
}
