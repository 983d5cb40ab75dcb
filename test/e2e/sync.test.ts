// The sync panel in Chromium over the loopback server, against the Korrigo double: pick the exam, send,
// follow, settle a copy changed after it was sent. What the server holds is checked on the double itself.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchDetail, ManifestStudent, SyncStatus } from '../../core/api/contract';
import { createStation } from '../../core/station/station';
import type { Station } from '../../core/station/station';
import { startHttpServer } from '../../core/server/http-server';
import type { RunningServer } from '../../core/server/http-server';
import type { KorrigoDouble } from '../korrigo-double/korrigo-double';
import { expectDeliveredOnce } from '../sync/delivery-check';
import { TEACHER, startDouble } from '../sync/sync-fixture';
import { launchChromium } from './browser';
import { ensureRendererBuilt, RENDERER_DIST } from './renderer-build';
import { writeSampleBatch } from './sample-batch';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
/** Korrigo's 50 uploads an hour, scaled down: the second copy waits past what the sync may wait. */
const UPLOAD_LIMIT = { count: 1, windowMs: 10_000 };

describe('the sync panel, in Chromium over the loopback server, against the Korrigo double', () => {
  let root: string;
  let station: Station;
  let server: RunningServer;
  let double: KorrigoDouble;
  let browser: Browser;
  let page: Page;
  let batchId: string;
  let copyIds: string[];
  let students: ManifestStudent[];
  let roster: ManifestStudent[];

  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const reply = await station.dispatch(name, args);
    if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
    return reply.result as T;
  };
  const shot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `sync-${name}.png`), fullPage: true });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'korrigo-sync-e2e-'));
    await mkdir(SCREENSHOTS, { recursive: true });
    const [sample] = await Promise.all([writeSampleBatch(root), ensureRendererBuilt()]);
    station = createStation({
      dataDir: join(root, 'data'),
      log: () => undefined,
      operator: 'alice',
      // Real timeouts scaled to seconds: a loaded machine must not turn a slow answer into a lost one.
      syncOptions: {
        timeoutMs: 10_000,
        uploadTimeoutMs: 10_000,
        backoffBaseMs: 5,
        uploadLimit: UPLOAD_LIMIT,
        timing: { serverRequestTimeoutMs: 3_000, maxAttempts: 4, maxWaitMs: 5_000 },
      },
    });
    // Two folded sheets, nobody readable on the sample's labels: the operator settles both at the desk.
    const processed = await call<BatchDetail>('batches.process', {
      scans: [sample.scans.skm1, sample.scans.skm2],
      roster: sample.roster,
    });
    batchId = processed.batchId;
    roster = await call<ManifestStudent[]>('batches.roster', { batchId });
    copyIds = processed.manifest.copies.map((copy) => copy.id);
    students = roster.slice(0, copyIds.length);
    for (const [index, copyId] of copyIds.entries()) {
      await call('copies.decide', {
        batchId,
        decision: { kind: 'assign-student', copyId, student: students[index] },
      });
      await call('copies.decide', { batchId, decision: { kind: 'validate-copy', copyId } });
    }
    double = await startDouble(roster, { requestTimeoutMs: 2_000, uploadLimit: UPLOAD_LIMIT });
    double.state.addExam({ name: 'Ancien bac blanc', date: '2025-03-01', upload_mode: 'BATCH_A3' });
    // The first upload's answer is lost after the server committed it: settled, never sent twice.
    double.faults.inject({ route: 'upload', kind: 'drop-after-commit' });
    [server, browser] = await Promise.all([
      startHttpServer({ station, staticDir: RENDERER_DIST }),
      launchChromium(),
    ]);
    page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    await page.goto(server.loginUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await station?.shutdown();
    await double?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('creates the exam, sends both copies once with their students, reuses the session, settles a copy changed after it was sent', async () => {
    await page.getByRole('button', { name: `Afficher le lot ${batchId}` }).click();
    const panel = page.getByRole('region', { name: 'Envoi à Korrigo' });
    await panel.waitFor();
    await panel.getByLabel('Serveur Korrigo').fill(double.url);
    await panel.getByLabel('Compte (enseignant ou administrateur)').fill(TEACHER.username);
    // A wrong password first: the server's refusal in French, with the station's words as a detail.
    await panel.getByLabel('Mot de passe').fill('pas-le-bon');
    await panel.getByRole('button', { name: 'Voir les examens du serveur' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Le serveur Korrigo a refusé la connexion');
    expect(await alert.innerText()).not.toContain('pas-le-bon');
    await shot('refused');
    await panel.getByLabel('Mot de passe').fill(TEACHER.password);
    await panel.getByRole('button', { name: 'Voir les examens du serveur' }).click();
    const exam = panel.getByLabel('Examen');
    await exam.waitFor();
    // An exam in BATCH_A3 mode is shown but cannot be chosen.
    expect(await exam.locator('option[disabled]').innerText()).toContain('Ancien bac blanc — mode BATCH_A3');
    await exam.selectOption('new');
    await panel.getByLabel('Nom du nouvel examen').fill('Bac blanc maths');
    await panel.getByLabel('Date de l’examen').fill('2026-03-02');
    // The window forgot the password once the station logged in with it.
    expect(await panel.getByLabel('Mot de passe').inputValue()).toBe('');
    await shot('ready');

    await panel.getByRole('button', { name: 'Envoyer à Korrigo' }).click();
    // One upload fits the scaled hourly limit: the second copy waits, and the panel says until when.
    await panel
      .getByText(/^Prochain envoi possible à \d\d\/\d\d\/\d{4} \d\d:\d\d/)
      .waitFor({ timeout: 60_000 });
    const waiting = await call<SyncStatus>('sync.status', { batchId });
    expect(waiting.copies.map((copy) => [copy.state, copy.reasonCode])).toEqual([
      ['done', null],
      ['queued', 'waiting'],
    ]);
    expect(
      await panel.getByRole('table', { name: 'Envois à Korrigo, copie par copie' }).innerText(),
    ).toContain('Limite du serveur atteinte');
    await shot('waiting');
    // The time has come: the same sync again sends the second copy.
    const wait = Date.parse(waiting.nextRequestAt!) - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    await panel.getByRole('button', { name: 'Réessayer' }).click();
    await panel
      .getByText('Toutes les copies prêtes sont sur le serveur, chacune une fois, avec son élève.')
      .waitFor({ timeout: 60_000 });
    const [created] = double.state.exams.filter((candidate) => candidate.name === 'Bac blanc maths');
    expect(created).toMatchObject({ upload_mode: 'INDIVIDUAL_A4', date: '2026-03-02' });
    expectDeliveredOnce(double, created!.id, { copyIds, students });
    // One login refused, one that served the rest of the visit.
    expect(double.counts()).toMatchObject({ login: 2, upload: 2 });
    const table = panel.getByRole('table', { name: 'Envois à Korrigo, copie par copie' });
    expect(await table.getByText('Sur Korrigo').count()).toBe(2);
    // The workspace and the batch list show it too.
    const copies = page.getByRole('table', { name: 'Copies', exact: true });
    await expect.poll(() => copies.getByText('Sur Korrigo').count()).toBe(2);
    await expect
      .poll(() => page.getByRole('list', { name: 'Lots précédents' }).innerText())
      .toMatch(/2 copies : 2 prêtes, 0 à vérifier, 2 envoyées à Korrigo/);
    await shot('sent');

    // The operator finds at the desk that the second copy is NGUYEN's, after it was sent: CHANGED at once,
    // and never sent again on its own.
    const turned = (await call<BatchDetail>('batches.get', { batchId })).manifest.copies[1]!;
    await call('copies.decide', {
      batchId,
      decision: { kind: 'assign-student', copyId: turned.id, student: roster[2] },
    });
    await call('copies.decide', { batchId, decision: { kind: 'validate-copy', copyId: turned.id } });
    const row = table.locator(`tr[data-copy-id="${turned.id}"]`);
    await row.getByText('MODIFIÉE', { exact: true }).waitFor();
    await copies.getByText('MODIFIÉE', { exact: true }).waitFor();
    expect(await row.innerText()).toContain('Modifiée à la station après l’envoi');
    await panel.getByRole('button', { name: 'Réessayer' }).click();
    await panel
      .getByText(/1 copie\(s\) sur le serveur et identifiée\(s\) sur 2/)
      .waitFor({ timeout: 60_000 });
    expect(double.counts().upload).toBe(2);
    await shot('changed');

    // In Korrigo the server copy holds the right pages: the operator gives its id, the next sync identifies it
    // with NGUYEN (looked up on the server) and checks it.
    const serverCopy = double.state.examCopies(created!.id)[1]!;
    await row.getByLabel('Identifiant de la copie dans Korrigo (copie 2)').fill(serverCopy.id);
    await row.getByRole('button', { name: 'Accepter' }).click();
    await row.getByText('Envoyée, à identifier').waitFor();
    await panel.getByRole('button', { name: 'Réessayer' }).click();
    await panel
      .getByText('Toutes les copies prêtes sont sur le serveur, chacune une fois, avec son élève.')
      .waitFor({ timeout: 60_000 });
    await expect.poll(() => copies.getByText('MODIFIÉE', { exact: true }).count()).toBe(0);
    await expect.poll(() => copies.getByText('Sur Korrigo').count()).toBe(2);
    await shot('settled');

    // After the refused login, one for the whole visit (exams, four syncs); each copy once on the server.
    expect(double.counts()).toMatchObject({ login: 2, upload: 2 });
    expectDeliveredOnce(double, created!.id, { copyIds, students: [students[0]!, roster[2]!] });
    const held = double.state.examCopies(created!.id);
    expect(new Set(held.map((copy) => copy.student)).size).toBe(held.length);
    // No trace of the password in the page's storage or the station's database.
    const kept = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(kept).not.toContain(TEACHER.password);
    const stored = await readFile(join(root, 'data', 'station.sqlite'));
    expect(stored.includes(TEACHER.password)).toBe(false);

    // The desk's strips show it too.
    await page.getByRole('button', { name: 'Ouvrir le bureau de vérification' }).click();
    await expect.poll(() => page.locator('.strip-head').getByText('Sur Korrigo').count()).toBe(2);
  });
});
