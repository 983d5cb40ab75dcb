// The renderer's origin and the checks against it, by parsing and comparing fields: substring tests on
// URLs are bypassable ("https://evil.example/?next=app://korrigo").

export const APP_SCHEME = 'app';
export const APP_HOST = 'korrigo';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** A URL of the station's own UI (app://korrigo/...). */
export function isAppUrl(raw: string): boolean {
  const url = parse(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/** The path of a batch file link (app://korrigo/files/...), or null for anything else. */
export function batchFilePath(raw: string): string | null {
  const url = parse(raw);
  if (url === null || !isAppUrl(raw) || !url.pathname.startsWith('/files/')) return null;
  return url.pathname;
}
