// One renderer bundle for both shells, so the transport is chosen when the page starts.
import { createContext, useContext } from 'react';
import type { KorrigoDesktopBridge } from '../../core/api/contract';
import { createHttpBridge } from '../../core/api/http-bridge';
import type { KorrigoHttpBridge } from '../../core/api/http-bridge';
import { browserSession } from './session';

export type Host =
  /** Electron: IPC through the preload; the OS dialog gives file paths. */
  | { kind: 'desktop'; bridge: KorrigoDesktopBridge }
  /** A browser on the loopback server: a session id authenticates; files are uploaded. */
  | { kind: 'browser'; bridge: KorrigoHttpBridge };

/** Null in a browser that holds no session: it must open the link `korrigo-station serve` printed. */
export async function connectHost(): Promise<Host | null> {
  if (window.korrigo) return { kind: 'desktop', bridge: window.korrigo };
  const session = await browserSession();
  if (!session) return null;
  return { kind: 'browser', bridge: createHttpBridge({ baseUrl: '', token: session }) };
}

export const HostContext = createContext<Host | null>(null);

export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() outside <HostContext.Provider>');
  return host;
}
