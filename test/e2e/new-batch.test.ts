// The "Nouveau lot" screen in a real browser against the loopback server: what an operator does, end
// to end, with the real pipeline.
import { access, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation } from '../../core/station/station';
import type { Station } from '../../core/station/station';
import type { Manifest } from '../../core/manifest';
import { startHttpServer } from '../../core/server/http-server';
import type { RunningServer } from '../../core/server/http-server';
import { launchChromium } from './browser';
import { ensureRendererBuilt, RENDERER_DIST } from './renderer-build';
import { writeSampleBatch } from './sample-batch';
import type { SampleBatch } from './sample-batch';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');

describe('Nouveau lot, in Chromium over the loopback server', () => {
  let root: string;
  let dataDir: string;
  let sample: SampleBatch;
  let station: Station;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'korrigo-e2e-'));
    dataDir = join(root, 'data');
    await mkdir(SCREENSHOTS, { recursive: true });
    [sample, browser] = await Promise.all([writeSampleBatch(root), launchChromium(), ensureRendererBuilt()]);
    // As serve runs it, watching the hot folder set from the app (looked at often: a test waits for it).
    station = createStation({
      dataDir,
      watchHotFolder: true,
      hotFolderTiming: { intervalMs: 100, settleMs: 0 },
    });
    server = await startHttpServer({ station, staticDir: RENDERER_DIST });
    page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    await page.goto(server.loginUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    station?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('processes scanner PDFs chosen in stack order and lists the copies', async () => {
    await expect.poll(() => page.url()).toBe(`${server.origin}/`);
    await page.getByText('Aucun lot traité pour l’instant.').waitFor();

    // Picked in the wrong order, then put right: SKM1.pdf ends with a recto whose verso opens SKM2.pdf.
    await page.getByLabel('Ajouter des PDF du scanner').setInputFiles([sample.scans.skm2, sample.scans.skm1]);
    await page.getByRole('button', { name: 'Monter SKM1.pdf' }).click();
    const stack = page.getByRole('list', { name: "PDF du scanner, dans l'ordre de la pile" });
    expect(await stack.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('SKM1.pdf'),
      expect.stringContaining('SKM2.pdf'),
    ]);
    await page.getByLabel('Choisir la liste des élèves').setInputFiles(sample.roster);
    await page.getByRole('button', { name: 'Traiter' }).click();

    const copies = page.getByRole('table', { name: 'Copies' });
    await copies.waitFor();

    // The batch is in the station's store; its copies are exported beside it, where the links point.
    const [batchId = ''] = await readdir(join(dataDir, 'exports'));
    const manifest = JSON.parse(
      await readFile(join(dataDir, 'exports', batchId, 'manifest.json'), 'utf8'),
    ) as Manifest;
    await access(join(dataDir, 'station.sqlite'));
    expect(manifest.sources.map((source) => source.file)).toEqual(['SKM1.pdf', 'SKM2.pdf']);
    // Two folded sheets, nobody identified yet: two copies of four pages, each to be checked.
    expect(manifest.copies).toHaveLength(2);

    const rows = copies.getByRole('row');
    await expect.poll(() => rows.count()).toBe(manifest.copies.length + 1);
    for (const [index, copy] of manifest.copies.entries()) {
      const row = rows.nth(index + 1);
      await expect
        .poll(() => row.getByText(copy.status === 'ready' ? 'Prête' : 'À vérifier').count())
        .toBe(1);
      const pages = await row
        .getByRole('list', { name: `Pages de la copie ${index + 1}` })
        .getByRole('listitem')
        .allInnerTexts();
      expect(pages.map((text) => text.split(' ')[0])).toEqual(copy.pages.map((_, p) => `P${p + 1}`));
    }
    const firstPage = copies.getByRole('list', { name: 'Pages de la copie 1' }).getByRole('listitem').first();
    // The sample's pages hold one short label each: whether the pipeline calls them blank is not this test's
    // business, so only the start of the label is checked.
    expect(await firstPage.innerText()).toMatch(/^P1 SKM1\.pdf, page 1, moitié droite(, blanche)?$/);
    for (const label of ['Lecture des PDF', 'Écriture des copies']) {
      const bar = page.getByRole('progressbar', { name: label });
      // Pushes travel beside the reply, not with it: the last ones may land just after the table.
      await expect
        .poll(async () => (await bar.getAttribute('value')) === (await bar.getAttribute('max')))
        .toBe(true);
    }
    await expect.poll(() => page.getByText('respecté', { exact: true }).count()).toBe(3);

    // The link fetches the copy with the session id (no cookie carries it) and shows it from a blob.
    const link = page.getByRole('link', { name: 'Ouvrir le PDF de la copie 1' });
    const [shownPdf] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    expect(shownPdf.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    await shownPdf.waitForLoadState();
    expect(await shownPdf.evaluate(() => document.contentType)).toBe('application/pdf');
    const pdf = await page.evaluate(
      async (href) => {
        const session = window.sessionStorage.getItem('korrigo-session') ?? '';
        const response = await fetch(href, { headers: { authorization: `Bearer ${session}` } });
        return { type: response.headers.get('content-type'), start: (await response.text()).slice(0, 5) };
      },
      (await link.getAttribute('href')) ?? '',
    );
    expect(pdf).toEqual({ type: 'application/pdf', start: '%PDF-' });
    await shownPdf.close();

    const history = page.getByRole('list', { name: 'Lots précédents' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(1);
    expect(await history.getByRole('listitem').innerText()).toMatch(
      /SKM1\.pdf, SKM2\.pdf — 2 copies : 0 prête, 2 à vérifier, 0 envoyée à Korrigo/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'new-batch-result.png'), fullPage: true });

    // Another browser session knows the batch from the store alone, and shows it again from there.
    const context = await browser.newContext({ locale: 'fr-FR' });
    const fresh = await context.newPage();
    await fresh.goto(server.loginUrl);
    await fresh.getByRole('button', { name: `Afficher le lot ${batchId}` }).click();
    await fresh.getByText(`Identifiant : ${batchId}`).waitFor();
    const shown = fresh.getByRole('table', { name: 'Copies' }).getByRole('row');
    expect(await shown.count()).toBe(manifest.copies.length + 1);
    await context.close();
  });

  it('takes dropped files, and shows a file that is not a PDF as a French error, without a stack trace', async () => {
    for (const name of ['SKM1.pdf', 'SKM2.pdf'])
      await page.getByRole('button', { name: `Retirer ${name}` }).click();
    // Dropped on the window, as files from the desktop: the PDF joins the stack, the CSV becomes the
    // roster, anything else is named back.
    const dropped = [
      { name: 'notes.pdf', type: 'application/pdf', text: await readFile(sample.notAPdf, 'utf8') },
      { name: 'classe-2nde.csv', type: 'text/csv', text: await readFile(sample.roster, 'utf8') },
      { name: 'salles.txt', type: 'text/plain', text: 'B12, B14' },
    ];
    const transfer = await page.evaluateHandle((files) => {
      const data = new DataTransfer();
      for (const { name, type, text } of files) data.items.add(new File([text], name, { type }));
      return data;
    }, dropped);
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await page.getByText('Ni PDF ni CSV, non ajoutés : salles.txt').waitFor();
    const stack = page.getByRole('list', { name: "PDF du scanner, dans l'ordre de la pile" });
    expect(await stack.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('notes.pdf')]);
    await page.getByText('classe-2nde.csv').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'new-batch-dropped.png'), fullPage: true });
    await page.getByRole('button', { name: 'Traiter' }).click();

    // The drop's own note (salles.txt) stays above it.
    const alert = page.getByRole('alert').filter({ hasText: 'Choisissez le PDF' });
    await alert.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'new-batch-not-a-pdf.png'), fullPage: true });
    const text = await alert.innerText();
    expect(text).toContain("Ce fichier n'est pas un PDF. Choisissez le PDF produit par le copieur.");
    // The detail names the file as the operator picked it, not by its path in the station's inbox.
    expect(text).toContain('Détail : notes.pdf: not a PDF file');
    expect(text).not.toContain('inbox');
    expect(text).not.toMatch(/\bat \w+ \(|Error:/);
    const history = page.getByRole('list', { name: 'Lots précédents' });
    expect(await history.getByRole('listitem').count()).toBe(1);
  });

  it('shows the folder the station watches, and lists the batch it makes from a PDF landing there', async () => {
    // Set as the desktop app sets it (a browser may not): the page shows it and cannot change it.
    const folder = join(root, 'scanner');
    await mkdir(folder);
    const set = await station.dispatch('station.setHotFolder', { folder, roster: sample.roster });
    expect(set.ok).toBe(true);
    await page.reload();
    const panel = page.getByRole('region', { name: 'Dossier surveillé' });
    await panel.getByText('surveillé : chaque nouveau PDF devient un lot').waitFor();
    await panel.getByText(folder).waitFor();
    expect(await panel.getByRole('button').count()).toBe(0);
    // A file that is no PDF lands there: the panel says so in French at once, with no reload (a push).
    await writeFile(join(folder, 'notes.pdf'), 'not a PDF at all');
    const problems = panel.getByRole('region', { name: 'Problèmes en cours' });
    await problems
      .getByText("notes.pdf : non importé. Ce fichier n'est pas un PDF.", { exact: false })
      .waitFor({ timeout: 30_000 });
    expect(await problems.getByRole('listitem').count()).toBe(1);
    // The scanner writes SKM1.pdf alone: a new batch, listed without reloading the page.
    const history = page.getByRole('list', { name: 'Lots précédents' });
    const before = await history.getByRole('listitem').count();
    await copyFile(sample.scans.skm1, join(folder, 'SKM1.pdf'));
    await expect.poll(() => history.getByRole('listitem').count(), { timeout: 120_000 }).toBe(before + 1);
    await page.screenshot({ path: join(SCREENSHOTS, 'new-batch-hot-folder.png'), fullPage: true });
  }, 150_000);
});
