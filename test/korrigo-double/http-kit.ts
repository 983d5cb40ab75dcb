// Small HTTP pieces of the double: cookies, bodies, answers, DRF's pagination.
import type { IncomingMessage } from 'node:http';

export interface Answer {
  status: number;
  body?: unknown;
  /** Extra headers, Set-Cookie as a list. */
  headers?: Record<string, string | string[]>;
}

export const json = (status: number, body: unknown, headers?: Answer['headers']): Answer => ({
  status,
  body,
  headers,
});

export const NOT_AUTHENTICATED = json(403, { detail: "Informations d'authentification non fournies." });
export const NO_PERMISSION = json(403, { detail: "Vous n'avez pas la permission d'effectuer cette action." });
export const NOT_FOUND = json(404, { detail: 'Pas trouvé.' });

export function cookies(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return jar;
}

export function setCookie(name: string, value: string, httpOnly: boolean): string {
  return `${name}=${value}; Path=/; SameSite=Lax${httpOnly ? '; HttpOnly' : ''}`;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON or a urlencoded form, as DRF's parsers take them; an empty object when neither. */
export function parseFields(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  try {
    if (type.startsWith('application/json'))
      return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    if (type.startsWith('application/x-www-form-urlencoded')) {
      return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    }
  } catch {
    return {};
  }
  return {};
}

/** Multipart files of one field, parsed by the platform's own Request (undici). */
export async function multipartFiles(
  req: IncomingMessage,
  body: Buffer,
  field: string,
): Promise<{ name: string; bytes: Uint8Array }[] | undefined> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return undefined;
  const form = await new Request('http://double.invalid/', {
    method: 'POST',
    headers: { 'content-type': type },
    body: new Blob([new Uint8Array(body)]),
  }).formData();
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const value of form.getAll(field)) {
    if (typeof value === 'string') continue;
    files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return files;
}

/** DRF's PageNumberPagination: `{count, next, previous, results}`, `next` an absolute URL or null. */
export function paginate<T>(items: readonly T[], url: URL, pageSize: number): Answer {
  const page = Number(url.searchParams.get('page') ?? '1');
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > pages) return json(404, { detail: 'Page non valide.' });
  const link = (n: number) => {
    const next = new URL(url);
    next.searchParams.set('page', String(n));
    return next.toString();
  };
  return json(200, {
    count: items.length,
    next: page < pages ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: items.slice((page - 1) * pageSize, page * pageSize),
  });
}
