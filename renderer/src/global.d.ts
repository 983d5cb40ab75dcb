import type { KorrigoDesktopBridge } from '../../core/api/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    korrigo?: KorrigoDesktopBridge;
  }
}
