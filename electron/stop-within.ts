// Quitting the desktop app: the core logs its Korrigo sessions out and closes the store before it is killed,
// but a server that does not answer never holds the quit up for long.

/** Awaits `shutdown` for `limitMs` at most (its failure too), then `kill`s, whichever came first. */
export async function stopWithin(
  shutdown: () => Promise<void>,
  kill: () => void,
  limitMs: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, limitMs);
  });
  try {
    await Promise.race([shutdown().catch(() => undefined), limit]);
  } finally {
    clearTimeout(timer);
    kill();
  }
}
