// Imported statically, not read from a folder at run time: a bundler would not copy the folder, and the CLI
// and the desktop app must apply exactly the same list.
import type { Migration } from '../migration';
import { init } from './0001_init';

export const MIGRATIONS: readonly Migration[] = [init];
