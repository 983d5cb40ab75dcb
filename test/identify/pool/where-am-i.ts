// A worker entry for worker-bundle.test: says where its code thinks it is, from itself and from a module it
// imports, whether a package it imports loaded, and whether the thread carries source maps (tsx's).
import { parentPort } from 'node:worker_threads';
import Papa from 'papaparse';
import { whereAmI } from './where-am-i-too';

parentPort!.postMessage({
  self: import.meta.url,
  imported: whereAmI(),
  parsed: Papa.parse('a,b').data,
  sourceMaps: process.sourceMapsEnabled,
});
