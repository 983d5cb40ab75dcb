// What a slow screen update waited for: the page's requests (resource timings) and its long tasks (main
// thread busy > 50 ms) between the operator's act and the change on screen, in ms from the act.
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Long tasks are only reported to an observer set up before they happen: one per page, from its start; the
 * resource timing buffer (250 entries by default) would be full of thumbnails long before the decisions.
 */
export async function watchPages(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: `window.__longTasks = [];
      performance.setResourceTimingBufferSize(100000);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          window.__longTasks.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration });
      }).observe({ type: 'longtask', buffered: true });`,
  });
}

/** One line: each request `name start→end` and each long task `task@start+duration`, act to shown. */
export async function whatWaited(page: Page, actedAt: number, shownAt: number): Promise<string> {
  const seen = await page.evaluate(
    ([from, to]) => {
      const origin = performance.timeOrigin;
      const requests = performance
        .getEntriesByType('resource')
        .map((entry) => entry as PerformanceResourceTiming)
        .filter((entry) => origin + entry.startTime >= from - 5 && origin + entry.startTime <= to)
        .map((entry) => {
          const url = new URL(entry.name);
          const name = url.pathname.replace(/^\/api\//, '').replace(/^\/files\/.*\//, 'file:');
          return `${name} ${Math.round(origin + entry.startTime - from)}→${Math.round(origin + entry.responseEnd - from)}`;
        });
      const tasks = (window as unknown as { __longTasks?: { at: number; ms: number }[] }).__longTasks ?? [];
      const busy = tasks
        .filter((task) => task.at + task.ms >= from && task.at <= to)
        .map((task) => `task@${Math.round(task.at - from)}+${Math.round(task.ms)}`);
      return [...requests, ...busy];
    },
    [actedAt, shownAt] as const,
  );
  return `${shownAt - actedAt} ms: ${seen.join(', ') || 'nothing'}`;
}
