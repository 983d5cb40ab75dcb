#!/usr/bin/env node
// The CLI runs straight from the TypeScript sources (no build step after `npm ci`): tsx compiles on load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
