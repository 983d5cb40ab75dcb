// The browser host's session. The login link printed by `korrigo-station serve` carries a one-time code
// in its fragment (never sent to any server); it is exchanged once for a session id kept in this tab's
// sessionStorage, which belongs to this origin (port included) alone. No cookie: other loopback ports
// would receive it, and could plant their own.
const STORAGE_KEY = 'korrigo-session';

export async function browserSession(): Promise<string | null> {
  const code = new URLSearchParams(window.location.hash.slice(1)).get('login');
  if (code) {
    // The spent link leaves the address bar at once.
    window.history.replaceState(null, '', window.location.pathname);
    const session = await exchange(code);
    if (session) window.sessionStorage.setItem(STORAGE_KEY, session);
  }
  return window.sessionStorage.getItem(STORAGE_KEY);
}

export function forgetSession(): void {
  window.sessionStorage.removeItem(STORAGE_KEY);
}

async function exchange(code: string): Promise<string | null> {
  try {
    const response = await fetch('/session', {
      method: 'POST',
      headers: { authorization: `Bearer ${code}` },
    });
    const body = (await response.json()) as { ok?: boolean; result?: { session?: unknown } };
    return body.ok && typeof body.result?.session === 'string' ? body.result.session : null;
  } catch {
    return null;
  }
}
