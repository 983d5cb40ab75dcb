// The desk as an operator meets it: the browser host in Debian's Chromium over the loopback server, on
// generated batches (cached in ~/.cache/korrigo-bench). Measures, and prints as a table:
//   end of processing → first thumbnail on screen, → every thumbnail of the batch seen on screen;
//   keystrokes and wall time to settle every copy to review, by candidate and by search;
//   decision → updated screen (a page turned, then Ctrl+Z), in the window that decided and in another;
//   frame times while the strips of an 800-page batch scroll.
// Times on screen are read in the page at the first animation frame that shows the change.
// Run: nice -n 19 npx tsx bench/desk-screen.bench.ts [--rounds 20] [--no-settle] [--no-scroll] [--batch hard]
//      [--explain]
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import type { BatchDetail, CopyReading, ManifestStudent } from '../core/api/contract';
import { createStation } from '../core/station/station';
import { startHttpServer } from '../core/server/http-server';
import { searchStudents, type SearchHints } from '../core/api/roster-search';
import { copyPageIds } from '../test/integration/truth-check';
import { launchChromium } from '../test/e2e/browser';
import { ensureRendererBuilt, RENDERER_DIST } from '../test/e2e/renderer-build';
import { whenShown } from './desk/on-screen';
import { watchPages, whatWaited } from './desk/what-waits';
import { HARD_BATCH, HARD_TWISTS, REVIEW_BATCH, SCROLL_BATCH, screenBatch } from './desk/screen-batches';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    'no-scroll': { type: 'boolean', default: false },
    'no-settle': { type: 'boolean', default: false },
    // review: near twins, strangers, blank headers; hard: every hand, and a roster that disagrees.
    batch: { type: 'string', default: 'review' },
    // Print, for every decision, what this window's screen waited for (requests, long tasks).
    explain: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const log = (line: string) => console.error(`[desk-screen] ${line}`);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const rows: [string, string][] = [];
const row = (measure: string, value: string) => {
  rows.push([measure, value]);
  log(`${measure}: ${value}`);
};
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const at = (values: number[], p: number) => {
  const list = sorted(values);
  return list[Math.min(list.length - 1, Math.floor(p * list.length))] ?? NaN;
};
const ms = (value: number) => `${Math.round(value)} ms`;
const spread = (values: number[]) =>
  `median ${ms(at(values, 0.5))}, p95 ${ms(at(values, 0.95))}, max ${ms(at(values, 1))} (n=${values.length})`;

const startLoad = load();
const [review, scroll] = await Promise.all([
  values.batch === 'hard'
    ? screenBatch('hard', HARD_BATCH, log, HARD_TWISTS)
    : screenBatch('review', REVIEW_BATCH, log),
  values['no-scroll'] ? null : screenBatch('scroll', SCROLL_BATCH, log),
  ensureRendererBuilt(),
]);
const dir = await mkdtemp(join(tmpdir(), 'korrigo-desk-screen-'));
// As `serve` runs it: the first screen's thumbnails made while the copy PDFs are written.
const station = createStation({
  dataDir: join(dir, 'data'),
  log: () => undefined,
  operator: 'bench',
  prefetchThumbnails: true,
});
const server = await startHttpServer({ station, staticDir: RENDERER_DIST });
const browser = await launchChromium();
const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
// tsx keeps function names with a helper the page does not have: the functions evaluated in it need it.
await context.addInitScript({ content: 'window.__name = (target) => target;' });
// When the page received the operator's last click or key: the driver's own delays (finding the button,
// waiting for it to be still) are not the desk's.
await context.addInitScript({
  content: `for (const kind of ['click', 'keydown'])
    addEventListener(kind, () => { window.__actedAt = Date.now(); }, true);`,
});
if (values.explain) await watchPages(context);
const actedAt = (page: Page) => page.evaluate(() => (window as unknown as { __actedAt: number }).__actedAt);
const call = async <T>(name: string, args: unknown): Promise<T> => {
  const reply = await station.dispatch(name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.result as T;
};

/** A new tab on the station's desk for the batch (a session lives in one tab). */
async function openDesk(batchId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.loginUrl);
  await page.getByRole('button', { name: `Afficher le lot ${batchId}` }).click();
  await page.getByRole('button', { name: 'Ouvrir le bureau de vérification' }).click();
  return page;
}

try {
  // ---- Thumbnails after processing (cold cache) --------------------------------------------------
  // The desk as an operator keeps it open: a tab logged in before the batch is processed and sent to the
  // batch's desk (its address) as soon as the station names the batch, so what is timed from the end of
  // splitting is the station and the desk, not the bench's login and clicks.
  const desk = await context.newPage();
  await desk.goto(server.loginUrl);
  await desk.getByRole('heading', { level: 2 }).first().waitFor();
  log(`processing the review batch (${review.scans.length} file(s))`);
  let start = performance.now();
  // The end of splitting: the last copy PDF written (the manifest is written after it).
  let splitAt = NaN;
  let named: (batchId: string) => void;
  const batchNamed = new Promise<string>((resolve) => (named = resolve));
  const unsubscribe = station.subscribe((push) => {
    if (push.event !== 'batch.progress') return;
    const { stage, done, total, batchId } = push.payload;
    if (batchId) named(batchId);
    if (stage === 'split' && done === total) splitAt = Date.now();
  });
  const processed = call<BatchDetail>('batches.process', { scans: review.scans, roster: review.roster });
  const deskBatch = await batchNamed;
  await desk.evaluate((id) => {
    window.location.hash = `desk=${id}`;
  }, deskBatch);
  const stripsShown = whenShown(desk, { kind: 'strips' }, 600_000);
  const firstShown = whenShown(desk, { kind: 'thumbnails', count: 1 }, 600_000);
  const detail = await processed;
  const processedAt = Date.now();
  unsubscribe();
  const processing = performance.now() - start;
  const { batchId, manifest } = detail;
  const pages = manifest.copies.flatMap((copy) => copy.pages);
  const sides = new Set(pages.map((page) => `${page.file}:${page.source}`)).size;
  row(
    'review batch',
    `${manifest.copies.length} copies, ${pages.length} pages on ${sides} A3 sides (compact 150 dpi), processed in ${ms(processing)}`,
  );
  const thumbsDir = join(station.dataDir, 'thumbs');
  const madeAhead = (await readdir(thumbsDir, { recursive: true }).catch(() => [])).filter((name) =>
    /-\d+\.webp$/.test(name),
  ).length;
  row('thumbnails already made when processing returns', `${madeAhead} of ${pages.length}`);
  row('copies to review, by where their writer stands', standing(manifest, review.truth));
  row(
    'copies the reader gave to someone else than their writer',
    String(misassigned(manifest, review.truth)),
  );
  const stripsAt = await stripsShown;
  const firstAt = await firstShown;
  row('end of splitting → end of processing (manifest written, call answered)', ms(processedAt - splitAt));
  row(
    'end of splitting → strips shown (desk open on the batch while it was processed)',
    ms(stripsAt - splitAt),
  );
  row('end of splitting → first thumbnail on screen (same desk)', ms(firstAt - splitAt));
  row('strips shown → first thumbnail on screen', ms(firstAt - stripsAt));
  if (values.explain) log(`first thumbnail: ${await whatWaited(desk, stripsAt, firstAt)}`);
  // Every strip brought on screen in turn, each screen waited for until its thumbnails show.
  const strips = desk.locator('.strips');
  for (;;) {
    await whenShown(desk, { kind: 'all-thumbnails' });
    const end = await strips.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
    if (end) break;
    await strips.evaluate((el) => el.scrollBy(0, el.clientHeight));
  }
  const allAt = Date.now();
  row(`end of processing → all ${pages.length} thumbnails seen on screen`, ms(allAt - processedAt));
  row(`desk open → all ${pages.length} thumbnails seen on screen`, ms(allAt - stripsAt));
  await strips.evaluate((el) => el.scrollTo(0, 0));

  // ---- Settling every copy to review --------------------------------------------------------------
  const roster = await call<ManifestStudent[]>('batches.roster', { batchId });
  const pageOwner = new Map(review.truth.pages.map((page) => [page.id, page.student]));
  const rosterEmails = new Set(roster.map((student) => student.email));
  const settled: Record<'candidate' | 'search' | 'not on roster' | 'left', { keys: number[]; ms: number[] }> =
    {
      candidate: { keys: [], ms: [] },
      search: { keys: [], ms: [] },
      'not on roster': { keys: [], ms: [] },
      left: { keys: [], ms: [] },
    };
  const reviewCount = values['no-settle']
    ? 0
    : manifest.copies.filter((copy) => copy.status === 'needs_review').length;
  const settleStart = Date.now();
  const skipped = new Set<string>();
  for (let step = 0; step < reviewCount * 2; step++) {
    // The queue's head names the copy shown ("1 / 6 à vérifier — Copie 3"): typing a search or choosing a
    // candidate leaves it as it is, a decision (or j) changes it. Watched from before the first key.
    const head = desk.locator('.queue-head');
    const label = (await head.count()) > 0 ? ((await head.textContent()) ?? '') : '';
    const shownCopy = /à vérifier — Copie (\d+)/.exec(label)?.[1];
    if (!shownCopy) break;
    const next = whenShown(
      desk,
      { kind: 'text-changed', selector: '.queue-head', text: label },
      30_000,
    ).catch(() => null);
    const now = await call<BatchDetail>('batches.get', { batchId, waitForFiles: false });
    const copy = now.manifest.copies[Number(shownCopy) - 1]!;
    if (skipped.has(copy.id)) break;
    const ids = copyPageIds(now.manifest, review.truth)[Number(shownCopy) - 1]!;
    const owners = new Set(ids.map((id) => pageOwner.get(id)).filter((owner) => owner !== null));
    const owner = owners.size === 1 ? [...owners][0]! : null;
    let keys: number;
    let way: keyof typeof settled;
    const candidates = copy.candidates.map((candidate) => candidate.email);
    if (owner === null || copy.pages.length % 4 !== 0) {
      // Pages of several people, or not whole sheets: a page operation, not a queue key, settles it.
      skipped.add(copy.id);
      [keys, way] = [1, 'left'];
      await desk.keyboard.press('j');
    } else if (!rosterEmails.has(owner)) {
      await desk
        .getByRole('button', { name: 'Élève absent de la liste' })
        .click({ timeout: 5_000 })
        .catch(() => desk.keyboard.press('j'));
      [keys, way] = [1, 'not on roster'];
    } else if (candidates.indexOf(owner) >= 0 && candidates.indexOf(owner) < 5) {
      const rank = candidates.indexOf(owner);
      if (rank > 0) await desk.keyboard.press(String(rank + 1));
      await desk.keyboard.press('Enter');
      [keys, way] = [rank > 0 ? 2 : 1, 'candidate'];
    } else {
      const student = roster.find((one) => one.email === owner)!;
      // What the desk orders its matches by: the header's reading and who already has a copy.
      const reading = await call<CopyReading>('copies.reading', { batchId, copyId: copy.id });
      const taken = new Set(
        now.manifest.copies.flatMap((one) => (one.id !== copy.id && one.student ? [one.student.email] : [])),
      );
      const hints = { likely: reading.likely, hasCopy: (one: ManifestStudent) => taken.has(one.email) };
      const { query, down } = quickestSearch(roster, student, hints);
      await desk.getByLabel('Chercher un élève (nom, prénom, date, classe)').focus();
      await desk.keyboard.type(query);
      for (let key = 0; key < down; key++) await desk.keyboard.press('ArrowDown');
      await desk.keyboard.press('Enter');
      [keys, way] = [query.length + down + 1, 'search'];
      log(`search for copy ${shownCopy}: "${query}"${down > 0 ? ` ↓×${down}` : ''} Enter`);
    }
    // The student already has a copy (the reader gave them another): this copy replaces it.
    const replace = desk.getByRole('button', { name: 'Remplacer cette copie' });
    if (way !== 'left' && (await replace.isVisible())) {
      await replace.click({ timeout: 5_000 }).catch(() => undefined);
      keys++;
    }
    // From the last key or click the page received.
    const before = await actedAt(desk);
    const shownAt = await next;
    if (shownAt === null) throw new Error(`copy ${shownCopy} still shown 30 s after it was settled (${way})`);
    settled[way].keys.push(keys);
    settled[way].ms.push(shownAt - before);
  }
  const settleWall = Date.now() - settleStart;
  for (const [way, { keys, ms: times }] of Object.entries(settled)) {
    if (keys.length === 0) continue;
    const detailText =
      way === 'left'
        ? `${keys.length} copies (pages of several students or not whole sheets: skipped with j)`
        : `${keys.length} copies, keystrokes max ${Math.max(...keys)} / mean ${(keys.reduce((a, b) => a + b, 0) / keys.length).toFixed(1)}, decision → next copy shown ${spread(times)}`;
    row(`settle by ${way}`, detailText);
  }
  if (reviewCount > 0)
    row(`settle all ${reviewCount} copies to review (wall, bench's own reads included)`, ms(settleWall));

  // ---- Decision → updated screen ------------------------------------------------------------------
  const other = await openDesk(batchId);
  const label = 'P2 de la copie 1';
  const target = desk.getByRole('button', { name: label });
  await target.waitFor();
  await other.getByRole('button', { name: label }).locator('img').waitFor();
  await target.click();
  const turned = (deg: number) => ({ kind: 'turned', label, deg }) as const;
  const made = (deg: number) => ({ kind: 'made', label, deg }) as const;
  const own: number[] = [];
  const ownImage: number[] = [];
  const seen: number[] = [];
  const undo: number[] = [];
  const undoSeen: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const shownHere = whenShown(desk, turned(90));
    const madeHere = whenShown(desk, made(90));
    const shownThere = whenShown(other, turned(90));
    await desk.getByRole('button', { name: 'Tourner de 90°' }).click();
    let before = await actedAt(desk);
    const turnShown = await shownHere;
    own.push(turnShown - before);
    if (values.explain) log(`turn ${round}: ${await whatWaited(desk, before, turnShown)}`);
    // Only the first round makes the turned thumbnail; the others find it cached.
    if (round === 0) ownImage.push((await madeHere) - before);
    seen.push((await shownThere) - before);
    await madeHere;
    const here = whenShown(desk, turned(0));
    const there = whenShown(other, turned(0));
    await desk.keyboard.press('Control+z');
    before = await actedAt(desk);
    const undoShown = await here;
    undo.push(undoShown - before);
    if (values.explain) log(`undo ${round}: ${await whatWaited(desk, before, undoShown)}`);
    undoSeen.push((await there) - before);
    await whenShown(desk, made(0));
  }
  row('turn a page → its turned thumbnail made and shown (cold, once)', ms(ownImage[0]!));
  row('turn a page → this window shows it turned', spread(own));
  row('turn a page → the other window shows it turned', spread(seen));
  row('Ctrl+Z → this window', spread(undo));
  row('Ctrl+Z → the other window', spread(undoSeen));
  // The copy PDFs follow: an export after the last decision holds every change.
  start = performance.now();
  await call<BatchDetail>('batches.get', { batchId });
  row('copy PDFs up to date after the last decision (batches.get waits)', ms(performance.now() - start));
  await other.close();
  await desk.close();

  // ---- Scrolling 800 thumbnails -------------------------------------------------------------------
  if (scroll) {
    log('processing the scroll batch (split only, no reading)');
    const big = await call<BatchDetail>('batches.process', {
      scans: scroll.scans,
      roster: scroll.roster,
      identify: false,
    });
    const bigPages = big.manifest.copies.flatMap((copy) => copy.pages).length;
    const page = await openDesk(big.batchId);
    await whenShown(page, { kind: 'thumbnails', count: 1 });
    const frames = (await page.locator('.strips').evaluate(
      (el, seconds) =>
        new Promise<number[]>((resolve) => {
          const deltas: number[] = [];
          let last = performance.now();
          const end = last + seconds * 1000;
          // A steady fling: the whole list in `seconds`, one step per frame.
          const perMs = (el.scrollHeight - el.clientHeight) / (seconds * 1000);
          const frame = (now: number) => {
            deltas.push(now - last);
            el.scrollTop = Math.min(el.scrollHeight, el.scrollTop + perMs * (now - last));
            last = now;
            if (now < end) requestAnimationFrame(frame);
            else resolve(deltas.slice(1));
          };
          requestAnimationFrame(frame);
        }),
      10,
    )) as number[];
    const slow = frames.filter((delta) => delta > 33.4).length;
    row(
      `scroll ${bigPages} thumbnails (${big.manifest.copies.length} strips) in 10 s: frame time`,
      `${spread(frames)}, ${slow} frames over 33 ms (${((100 * slow) / frames.length).toFixed(1)} %)`,
    );
    // What the fling passed by was asked for too: the last screen waits behind it.
    const stopped = Date.now();
    row(
      'end of the fling → its last screen of thumbnails shown',
      ms((await whenShown(page, { kind: 'all-thumbnails' }, 600_000)) - stopped),
    );
    const mounted = await page.locator('.strips .strip').count();
    row('strips mounted at the end of the scroll', String(mounted));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  station.close();
  await rm(dir, { recursive: true, force: true });
}

console.log(`load average at start ${startLoad}, at end ${load()} (2 cores, shared)`);
console.log('| measure | value |');
console.log('|---|---|');
for (const [measure, value] of rows) console.log(`| ${measure} | ${value} |`);

/**
 * The fewest keys that bring `student` to the desk's search and accept them, as an operator types: name
 * prefixes (a word, or a word and the start of the next), a birth date ("22/02", whole or begun), a name
 * and a date; then ↓ to the student among the 8 results shown, then Enter. A lone digit 1–5 in the empty
 * field picks a candidate: not a query.
 */
function quickestSearch(
  roster: readonly ManifestStudent[],
  student: ManifestStudent,
  hints: SearchHints,
): { query: string; down: number } {
  const words = student.name.toLowerCase().split(' ');
  const names = words.flatMap((word, w) =>
    [1, 2, 3, 4, 5, 6].flatMap((n) => [
      word.slice(0, n),
      ...words
        .slice(w + 1)
        .flatMap((next) => [1, 2, 3].map((m) => `${word.slice(0, n)} ${next.slice(0, m)}`)),
    ]),
  );
  const [year, month, day] = student.birthDate.split('-');
  const date = `${day}/${month}/${year}`;
  const dates = [2, 3, 4, 5, 10].map((n) => date.slice(0, n));
  const both = words.flatMap((word) =>
    [1, 2].flatMap((n) => dates.map((one) => `${word.slice(0, n)} ${one}`)),
  );
  const tries = [...new Set([...names, ...dates, ...both, student.name.toLowerCase()])]
    .filter((query) => !/^[1-5]$/.test(query))
    .flatMap((query) => {
      const down = searchStudents(roster, query, hints)
        .slice(0, 8)
        .findIndex((one) => one.email === student.email);
      return down < 0 ? [] : [{ query, down, keys: query.length + down + 1 }];
    });
  return tries.sort((a, b) => a.keys - b.keys || a.down - b.down)[0]!;
}

/**
 * Where the right student of each copy to review stands among its candidates: what "settle by candidate"
 * can reach. A copy of pages of several people, or of someone not on the roster, has no right student.
 */
function standing(manifest: BatchDetail['manifest'], truth: typeof review.truth): string {
  const owners = new Map(truth.pages.map((page) => [page.id, page.student]));
  const strangers = new Set((truth.strangers ?? []).map((one) => one.email));
  const ids = copyPageIds(manifest, truth);
  const counts = new Map<string, number>();
  manifest.copies.forEach((copy, c) => {
    if (copy.status !== 'needs_review') return;
    const writers = new Set(ids[c]!.map((id) => owners.get(id) ?? null));
    const writer = writers.size === 1 ? [...writers][0]! : null;
    const rank = writer ? copy.candidates.findIndex((one) => one.email === writer) : -1;
    const where =
      writer === null
        ? 'several writers'
        : strangers.has(writer)
          ? 'not on the roster'
          : rank >= 0
            ? `candidate ${rank + 1}`
            : `not among ${copy.candidates.length} candidates`;
    counts.set(where, (counts.get(where) ?? 0) + 1);
  });
  return [...counts].map(([where, n]) => `${where}: ${n}`).join(', ') || 'none';
}

/** Copies the reader settled alone (not to review) whose student did not write every page. */
function misassigned(manifest: BatchDetail['manifest'], truth: typeof review.truth): number {
  const owners = new Map(truth.pages.map((page) => [page.id, page.student]));
  const ids = copyPageIds(manifest, truth);
  return manifest.copies.filter(
    (copy, c) =>
      copy.status !== 'needs_review' &&
      copy.student !== null &&
      ids[c]!.some((id) => owners.get(id) !== null && owners.get(id) !== copy.student!.email),
  ).length;
}
