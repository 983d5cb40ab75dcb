// Imported by where-am-i.ts: its own URL, as the bundled worker sees it.
export const whereAmI = (): string => import.meta.url;
