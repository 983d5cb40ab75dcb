// The thumbnail thread's entry when the station runs from its TypeScript sources (the tsx CLI, vitest): Node
// 20 carries neither the parent's loader hooks nor `--import` into a worker, so the thread registers tsx.
import { register } from 'tsx/esm/api';

register();
await import('./thumbnail-worker.ts');
