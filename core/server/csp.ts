// One Content-Security-Policy for the renderer wherever it is served (loopback server, Electron's
// app:// protocol, and the <meta> fallback in renderer/index.html): only the station's own files.
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Style attributes only (no <style> element, no script): the desk's virtualised lists place their rows
  // with them.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries. The CSP is added for the renderer's documents only: on a PDF it
 * would stop the browser's built-in viewer. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
